/** The roles of a compound (active ingredient, salt former, comparator…) as small tags. */
export function RoleTags({ roles }: { roles: string[] }) {
  if (roles.length === 0) return null;
  return (
    <ul className="tags" aria-label="Roles">
      {roles.map((role) => (
        <li key={role} className="tag">
          {role.replace(/[-_]+/g, " ")}
        </li>
      ))}
    </ul>
  );
}
