"""Column types that behave the same on SQLite, PostgreSQL and MariaDB."""
from __future__ import annotations

from sqlalchemy import DateTime, Float, LargeBinary, Numeric, Text
from sqlalchemy.dialects import mysql

# Naive UTC with microseconds everywhere (MariaDB's DATETIME drops them unless asked).
UtcDateTime = DateTime().with_variant(mysql.DATETIME(fsp=6), "mysql", "mariadb")
LongText = Text().with_variant(mysql.MEDIUMTEXT(), "mysql", "mariadb")
Money = Numeric(14, 2)
Percent = Numeric(7, 4)
Cipher = LargeBinary().with_variant(mysql.BLOB(), "mysql", "mariadb")
# Features are doubles everywhere (MariaDB's FLOAT is single precision).
Double = Float(precision=53).with_variant(mysql.DOUBLE(asdecimal=False), "mysql", "mariadb")
# Model artefacts run to megabytes (MariaDB's BLOB stops at 64 KiB).
LargeBlob = LargeBinary().with_variant(mysql.LONGBLOB(), "mysql", "mariadb")
