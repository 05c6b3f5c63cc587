-- Public evaluation pages read published snapshots, their rechecks and the methods they name: their
-- changes must move the public-data epoch so cached public answers never outlive them.
CREATE TRIGGER scoring_method_public_epoch AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON scoring_method
  FOR EACH STATEMENT EXECUTE FUNCTION bump_public_data_epoch();
--> statement-breakpoint
CREATE TRIGGER evaluation_snapshot_public_epoch AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON evaluation_snapshot
  FOR EACH STATEMENT EXECUTE FUNCTION bump_public_data_epoch();
--> statement-breakpoint
CREATE TRIGGER evaluation_recheck_public_epoch AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON evaluation_recheck
  FOR EACH STATEMENT EXECUTE FUNCTION bump_public_data_epoch();
