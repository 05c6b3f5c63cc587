-- Evidence files' bytes live in the database beside their metadata (decision 096), so every server
-- process, on any machine, serves every file, and backups and replicas carry them. A table of its own:
-- listings and checks of stored_file never read the bytes. Files uploaded before this migration have no
-- row here and are still read from FILES_DIR. The primary key serves the download (by file id).
CREATE TABLE stored_file_content (
  file_id integer PRIMARY KEY REFERENCES stored_file(id) ON DELETE CASCADE,
  content bytea NOT NULL
);
--> statement-breakpoint
-- PDFs, Office files and images are compressed already: TOAST stores them out of line without trying again.
ALTER TABLE stored_file_content ALTER COLUMN content SET STORAGE EXTERNAL;
