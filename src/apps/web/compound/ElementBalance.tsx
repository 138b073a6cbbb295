export interface ElementBalanceProps {
  elements: Record<string, { reactants: number; products: number }>;
  charge?: { reactants: number; products: number };
}

/** Atoms of each element (and the net charge) on both sides of a reaction; unequal counts are highlighted. */
export function ElementBalance({ elements, charge }: ElementBalanceProps) {
  const entries = Object.entries(elements);
  if (charge) entries.push(["charge", charge]);
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
            <span className={symbol === "charge" ? "element__label" : "element__symbol"}>{symbol}</span>
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
