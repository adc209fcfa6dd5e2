-- The events benchmark's data (services/events/README.md, "Benchmark"), as EventsBench seeds it: 20 calendars on
-- pages 50000001-50000020, 5,000 public confirmed entries spread evenly over the coming year, round robin over the
-- calendars, two hours each. Run again, it replaces the bench calendars (and their entries) with fresh ones.
DELETE FROM calendars WHERE container_type = 'page' AND container_id BETWEEN 50000001 AND 50000020;
INSERT INTO calendars (container_type, container_id, name, slug, time_zone)
SELECT 'page', 50000000 + g, 'Bench calendar ' || g, 'bench-' || g, 'Europe/London' FROM generate_series(1, 20) g;
INSERT INTO calendar_entries (calendar_id, title, starts_at, ends_at, state, public)
SELECT c.id, 'Bench entry ' || g, date_trunc('hour', now()) + (g * interval '365 days' / 5000),
       date_trunc('hour', now()) + (g * interval '365 days' / 5000) + interval '2 hours', 'confirmed', true
FROM generate_series(1, 5000) g JOIN calendars c ON c.container_type = 'page' AND c.container_id = 50000001 + (g % 20);
ANALYZE calendars;
ANALYZE calendar_entries;
