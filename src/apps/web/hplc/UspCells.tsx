import { fixed, fixedOrDash } from "../format.js";

/** The USP figures' column headers, shared by the peak and the injection tables. */
export function UspHeaderCells() {
  return (
    <>
      {["N", "T", "Rs", "S/N"].map((name) => (
        <th key={name} scope="col" className="num">
          {name}
        </th>
      ))}
    </>
  );
}

/** One row's USP figures: plates, tailing, resolution and S/N. */
export function UspCells({
  figures,
}: {
  figures: {
    plates: number | null;
    tailing: number | null;
    resolution: number | null;
    signalToNoise: number;
  };
}) {
  return (
    <>
      <td className="num">{figures.plates === null ? "—" : Math.round(figures.plates)}</td>
      <td className="num">{fixedOrDash(figures.tailing, 2)}</td>
      <td className="num">{fixedOrDash(figures.resolution, 2)}</td>
      <td className="num">{fixed(figures.signalToNoise, 0)}</td>
    </>
  );
}
