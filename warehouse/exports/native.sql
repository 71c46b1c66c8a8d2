-- cameoflow's own columns: every column of the events table.
SELECT e.* FROM selected AS e
