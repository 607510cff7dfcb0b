"""Excel workbooks in and out (openpyxl): exports in the official layouts and tolerant imports
of the lists communes already keep. No Qt, no database: services gather and commit."""
