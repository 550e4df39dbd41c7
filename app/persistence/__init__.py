"""The diary database: the only place in Kumppani where SQL is written."""
