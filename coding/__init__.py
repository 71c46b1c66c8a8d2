"""The coder: news text in, CAMEO event records out (coding.pipeline runs it end to end)."""

from coding.native import use_native_build

# The busiest modules, compiled by `make setup`, load in place of the plain ones when they were
# built from these sources (coding/native.py).
use_native_build(__path__)
