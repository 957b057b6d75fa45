-- The ranking of one call's applications from its submitted reviews, computed in PostgreSQL.
-- Used by the decisions list and "suggest by quota" (review/ranking-query.ts) and timed by
-- bench/ranking.js. It returns what those use: n, mean, normalised score, both ranks and the flag.
-- The median, SD and range of each application are on the results page (review/results.ts); the
-- SD and range are computed here for the flag only (every returned float costs output time).
--   $1 call id · $2 / $3 the disagreement thresholds (SD, range) on the 0–100 scale
-- Counts the same reviews as the TS maths (review/results.ts → callResults): submitted, with a
-- total, by a juror still on the panel, of an application that is submitted and not screened out.
-- The normalised score is the TS z-score normalisation: each juror's totals standardised over the
-- applications they reviewed (sample SD; no spread or one review → z = 0), averaged per
-- application, mapped back onto the raw scale as grand mean + mean z × grand SD.
-- Per-juror and overall statistics are small aggregates joined back (not window functions over
-- every review), and every table is reached through its call_id index.
WITH scored AS (
	SELECT r.application_id, r.jury_member_id, r.total
	FROM review r
	JOIN jury_member m ON m.id = r.jury_member_id
		AND m.call_id = $1::uuid AND m.removed_at IS NULL
	JOIN application a ON a.id = r.application_id
		AND a.call_id = $1::uuid AND a.status = 'submitted' AND a.screening <> 'not_eligible'
	WHERE r.call_id = $1::uuid AND r.status = 'submitted' AND r.total IS NOT NULL
),
jurors AS (
	SELECT jury_member_id, avg(total) AS juror_mean, stddev_samp(total) AS juror_sd
	FROM scored
	GROUP BY jury_member_id
),
grand AS (
	SELECT avg(total) AS grand_mean, coalesce(stddev_samp(total), 0) AS grand_sd FROM scored
),
per_application AS (
	SELECT
		s.application_id,
		count(*)::int AS n,
		avg(s.total) AS mean,
		stddev_samp(s.total) AS sd,
		min(s.total) AS min,
		max(s.total) AS max,
		avg(CASE WHEN j.juror_sd > 1e-9 THEN (s.total - j.juror_mean) / j.juror_sd ELSE 0 END) AS z
	FROM scored s
	JOIN jurors j ON j.jury_member_id = s.jury_member_id
	GROUP BY s.application_id
),
normalised AS (
	SELECT p.*, g.grand_mean + p.z * g.grand_sd AS normalised
	FROM per_application p CROSS JOIN grand g
)
SELECT
	application_id AS "applicationId",
	n,
	mean,
	normalised,
	rank() OVER (ORDER BY round(mean * 1e9) DESC)::int AS "rankRaw",
	rank() OVER (ORDER BY round(normalised * 1e9) DESC)::int AS "rankNormalised",
	(n >= 2 AND (sd >= $2::float8 OR max - min >= $3::float8)) AS flagged
FROM normalised
ORDER BY "rankRaw", application_id
