-- ADD UNIQUE / PRIMARY KEY builds the index while reads and writes of the table wait.

-- expect: ban-unique-without-index at "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email)"
ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);

-- expect: ban-unique-without-index at "ALTER TABLE audit_events ADD PRIMARY KEY (id)"
ALTER TABLE audit_events ADD PRIMARY KEY (id);
