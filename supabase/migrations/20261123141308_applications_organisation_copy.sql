-- The managers' applications table filters, sorts and counts by the applicant's name and country.
-- Joining every application of a call to its organisation for that cost most of each request, so
-- the application carries a copy of both, kept by the database itself: set on insert (and if the
-- application moves to another organisation), and rewritten whenever the organisation's name or
-- country changes. The app never writes the copy.
ALTER TABLE "application" ADD COLUMN "organisation_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "application" ADD COLUMN "organisation_country" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE OR REPLACE FUNCTION application_copy_organisation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	SELECT o.name, o.country INTO NEW.organisation_name, NEW.organisation_country
		FROM organisation o WHERE o.id = NEW.organisation_id;
	RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER application_organisation_copy
	BEFORE INSERT OR UPDATE OF organisation_id, organisation_name, organisation_country ON application
	FOR EACH ROW EXECUTE FUNCTION application_copy_organisation();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION organisation_copy_to_applications() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE application SET organisation_name = NEW.name, organisation_country = NEW.country
		WHERE organisation_id = NEW.id;
	RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER organisation_applications_copy
	AFTER UPDATE OF name, country ON organisation
	FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.country IS DISTINCT FROM NEW.country)
	EXECUTE FUNCTION organisation_copy_to_applications();
--> statement-breakpoint
UPDATE application a SET organisation_name = o.name, organisation_country = o.country
	FROM organisation o WHERE o.id = a.organisation_id;--> statement-breakpoint
CREATE INDEX "application_call_country_idx" ON "application" USING btree ("call_id","organisation_country","status","eligibility","screening");--> statement-breakpoint
CREATE INDEX "application_call_name_idx" ON "application" USING btree ("call_id","organisation_name","id","organisation_country","status","eligibility","screening","submitted_at");
