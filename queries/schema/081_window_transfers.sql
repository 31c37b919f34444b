-- The transfers of a window (bounds as graph/window.ts's windowBounds writes them, both inclusive),
-- by id: what a window's classification replaces (queries/screen/delete-*-window.sql).
create macro rw_window_tx_ids(w_from, w_to) as table
  select tx_id from payments where ts >= w_from::timestamp and ts <= w_to::timestamp;
