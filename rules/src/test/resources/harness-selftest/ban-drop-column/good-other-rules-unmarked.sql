-- Only the folder's rule and the rules markers name are checked: this CREATE TABLE is
-- reported by require-if-not-exists, unmarked, and that is fine.
CREATE TABLE users (id bigint);
