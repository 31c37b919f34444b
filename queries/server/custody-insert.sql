-- One link of a user's chain of custody: who created, approved, promoted or re-keyed them.
insert into user_custody (user_id, by_id, kind, noted_at) values ($user_id, $by_id, $kind, $now::timestamp)
