-- The ranking of one call's applications from its submitted reviews, computed in PostgreSQL.
-- Used by the decisions list (review/ranking-query.ts) and timed by bench/ranking.js.
--   $1 call id · $2 / $3 the disagreement thresholds (SD, range) on the 0–100 scale
-- Counts the same reviews as the TS maths (review/results.ts → callResults): submitted, with a
-- total, by a juror still on the panel, of an application that is submitted and not screened out.
-- The normalised score is the TS z-score normalisation: each juror's totals standardised over the
-- applications they reviewed (sample SD; no spread or one review → z = 0), averaged per
-- application, mapped back onto the raw scale as grand mean + mean z × grand SD.
WITH scored AS (
	SELECT
		r.application_id,
		r.total,
		avg(r.total) OVER juror AS juror_mean,
		stddev_samp(r.total) OVER juror AS juror_sd,
		avg(r.total) OVER () AS grand_mean,
		stddev_samp(r.total) OVER () AS grand_sd
	FROM review r
	JOIN jury_member m ON m.id = r.jury_member_id AND m.removed_at IS NULL
	JOIN application a ON a.id = r.application_id
		AND a.status = 'submitted' AND a.screening <> 'not_eligible'
	WHERE r.call_id = $1::uuid AND r.status = 'submitted' AND r.total IS NOT NULL
	WINDOW juror AS (PARTITION BY r.jury_member_id)
),
per_application AS (
	SELECT
		application_id,
		count(*)::int AS n,
		avg(total) AS mean,
		percentile_cont(0.5) WITHIN GROUP (ORDER BY total) AS median,
		stddev_samp(total) AS sd,
		min(total) AS min,
		max(total) AS max,
		min(grand_mean)
			+ avg(CASE WHEN juror_sd > 1e-9 THEN (total - juror_mean) / juror_sd ELSE 0 END)
			* coalesce(min(grand_sd), 0) AS normalised
	FROM scored
	GROUP BY application_id
)
SELECT
	application_id AS "applicationId",
	n,
	mean,
	median,
	sd,
	min,
	max,
	normalised,
	-- Scores within 1e-9 share a rank, as in the TS rankings (sums in another order differ in the last bits).
	rank() OVER (ORDER BY round(mean::numeric, 9) DESC)::int AS "rankRaw",
	rank() OVER (ORDER BY round(normalised::numeric, 9) DESC)::int AS "rankNormalised",
	(n >= 2 AND (sd >= $2::float8 OR max - min >= $3::float8)) AS flagged
FROM per_application
ORDER BY "rankRaw", application_id
