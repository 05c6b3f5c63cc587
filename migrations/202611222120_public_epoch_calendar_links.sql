-- Public pages read the working calendar and confirmed item links: their changes must move the
-- public-data epoch, or cached public answers would outlive them.
CREATE TRIGGER calendar_day_public_epoch AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON calendar_day
  FOR EACH STATEMENT EXECUTE FUNCTION bump_public_data_epoch();
--> statement-breakpoint
CREATE TRIGGER program_item_link_public_epoch AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON program_item_link
  FOR EACH STATEMENT EXECUTE FUNCTION bump_public_data_epoch();
