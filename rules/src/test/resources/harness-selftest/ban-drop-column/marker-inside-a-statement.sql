CREATE TABLE IF NOT EXISTS users (
    -- expect: ban-drop-column at "id bigint"
    id bigint
);
