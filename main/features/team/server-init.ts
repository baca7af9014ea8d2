import { teamRole } from '../../db/engine/team-access.js';

/** A PostgreSQL identifier Lotse creates: lower-case letters, digits and underscores (no quoting needed). */
export const roleNamePattern = /^[a-z][a-z0-9_]{1,62}$/;

export interface ServerInitOptions {
  /** the database to create */
  database: string;
  /** the role that owns it and runs `lotse migrate` (the administrator's, not a coordinator's) */
  owner: string;
}

/**
 * The SQL an administrator runs once on the server (as a superuser) for a team database: the owner role (it runs
 * the migrations and may create logins), the group role every member belongs to (it holds the table rights;
 * row-level security narrows them), the database and a schema nobody else may create objects in. The owner's
 * password is set with \password afterwards — none is printed. Then `lotse migrate` creates tables and policies,
 * and `lotse team add` the first Leitung login, who adds the rest of the team in Lotse (Einstellungen → Team).
 */
export function serverInitSql(o: ServerInitOptions): string {
  for (const name of [o.database, o.owner]) {
    if (!roleNamePattern.test(name)) throw new Error(`Ungültiger Name "${name}": nur a–z, 0–9 und _ (beginnend mit einem Buchstaben).`);
  }
  return `-- Lotse: Teamdatenbank anlegen (als Superuser ausführen, z. B. psql -U postgres -f lotse-init.sql)
CREATE ROLE ${o.owner} LOGIN CREATEROLE;
CREATE ROLE ${teamRole} NOLOGIN;
GRANT ${teamRole} TO ${o.owner} WITH ADMIN OPTION;
CREATE DATABASE ${o.database} OWNER ${o.owner} ENCODING 'UTF8' TEMPLATE template0;
\\connect ${o.database}
REVOKE ALL ON SCHEMA public FROM PUBLIC;
ALTER SCHEMA public OWNER TO ${o.owner};
GRANT USAGE ON SCHEMA public TO ${teamRole};
-- Passwort setzen (SCRAM): \\password ${o.owner}
-- Dann: lotse migrate --db postgres://${o.owner}@SERVER:5432/${o.database}?sslmode=verify-full
-- Und die Leitung anlegen: lotse team add --db postgres://${o.owner}@SERVER/${o.database} --role NAME --kind leitung --name "Vor- und Nachname"
`;
}
