-- PostgreSQL only (dev mode's H2 has no PL/pgSQL): the audit trail cannot be changed or emptied, not even by a
-- bug or an injected statement running as the service's own database user.
create function audit_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only: % is not allowed', tg_op;
end
$$;
create trigger audit_event_no_update_or_delete before update or delete on audit_event
    for each row execute function audit_event_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_append_only();
