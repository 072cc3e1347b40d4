//! Reading and writing budgets: the JSON document and CSV of lines.
