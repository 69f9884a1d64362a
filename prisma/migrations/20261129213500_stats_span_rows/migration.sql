-- Span rows of the statistics (docs/decisions/013-stats-span-rows.md): the grid level (1) and the
-- category level (2) also keep their counters summed over aligned blocks of 2^k days (k = 1..8), as
-- level base * 10 + k with "day" = the block's first day. Data only: fills the blocks from the daily
-- rows already there, exactly as a rebuild would (server/src/features/stats/stats-write.repository.ts).
INSERT INTO "StatsDaily" (
  "townId", "level", "day", "gridId", "villageId", "categoryId", "assigneeId",
  "received", "accepted", "closed", "closedOnTime", "dueToClose", "dueClosed", "reworked", "escalated",
  "handlingCount", "handlingMsSum",
  "h0", "h1", "h2", "h3", "h4", "h5", "h6", "h7", "h8", "h9", "h10", "h11", "h12", "h13", "h14", "h15",
  "h16", "h17", "h18", "h19", "h20", "h21"
)
SELECT
  s."townId",
  (s."level" * 10 + k.k)::smallint,
  DATE '1970-01-01' + ((s."day" - DATE '1970-01-01') / (1 << k.k)) * (1 << k.k),
  s."gridId", s."villageId", s."categoryId", s."assigneeId",
  sum(s."received"), sum(s."accepted"), sum(s."closed"), sum(s."closedOnTime"), sum(s."dueToClose"),
  sum(s."dueClosed"), sum(s."reworked"), sum(s."escalated"), sum(s."handlingCount"), sum(s."handlingMsSum"),
  sum(s."h0"), sum(s."h1"), sum(s."h2"), sum(s."h3"), sum(s."h4"), sum(s."h5"), sum(s."h6"), sum(s."h7"),
  sum(s."h8"), sum(s."h9"), sum(s."h10"), sum(s."h11"), sum(s."h12"), sum(s."h13"), sum(s."h14"),
  sum(s."h15"), sum(s."h16"), sum(s."h17"), sum(s."h18"), sum(s."h19"), sum(s."h20"), sum(s."h21")
FROM "StatsDaily" s
CROSS JOIN generate_series(1, 8) AS k(k)
WHERE s."level" IN (1, 2)
GROUP BY s."townId", 2, 3, s."gridId", s."villageId", s."categoryId", s."assigneeId"
-- Rows a newer server already wrote (a rebuild before this migration ran) are right as they are.
ON CONFLICT ("townId", "level", "day", "gridId", "categoryId", "assigneeId") DO NOTHING;
