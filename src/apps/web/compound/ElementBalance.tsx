/** Atoms of each element on both sides of a reaction; unequal counts are highlighted. */
export function ElementBalance({
  elements,
}: {
  elements: Record<string, { reactants: number; products: number }>;
}) {
  const entries = Object.entries(elements);
  return (
    <ul className="element-balance" aria-label="Atoms per element, reactants and products">
      {entries.map(([symbol, count]) => {
        const ok = count.reactants === count.products;
        return (
          <li
            key={symbol}
            className={ok ? "element element--ok" : "element element--bad"}
            title={`${symbol}: ${count.reactants} in reactants, ${count.products} in products`}
          >
            <span className="element__symbol">{symbol}</span>
            <span className="element__counts">
              {count.reactants}
              <span aria-hidden="true">{ok ? " = " : " ≠ "}</span>
              <span className="visually-hidden">{ok ? " equals " : " differs from "}</span>
              {count.products}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
