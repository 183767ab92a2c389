-- expect: ban-drop-schema at "DROP DATABASE IF EXISTS analytics_old"
DROP DATABASE IF EXISTS analytics_old;
