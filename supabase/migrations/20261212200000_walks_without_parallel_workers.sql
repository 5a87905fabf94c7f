-- The walks of events' dates plan without parallel workers (issue 13, the
-- third round).
--
-- A parallel worker is a process started for one query. The API's queries are
-- many and small, and on a machine of two cores serving ten requests at once a
-- worker costs more than it saves: the calendar's month (1,800 dates walked at
-- size L, where the planner took a parallel bitmap scan) was served at 72 a
-- second with a worker and 103 without, for the same CPU per request. The
-- setting belongs to the API's sessions (the authenticator role), which a
-- migration may not alter on hosted Supabase, so it is set on the functions
-- that walk ranges of dates: while they run, and for what they call.
alter function private.occurrence_page(timestamptz, timestamptz, text, public.event_kind, uuid, uuid, uuid,
	boolean, boolean, integer, integer) set max_parallel_workers_per_gather = 0;
alter function private.event_series_page(timestamptz, timestamptz, text, public.event_kind, uuid, uuid, uuid,
	boolean, boolean, integer, integer) set max_parallel_workers_per_gather = 0;
