import { useState } from "react";
import { compact, fixed } from "../format.js";
import { ClassBadge } from "./ClassBadge.js";
import { concentrationUnit, formatConcentration, formatInterval } from "./ic50Format.js";
import type { CurveEntry, CurveFields } from "./types.js";

type Sort = "none" | "ascending" | "descending";

const COLUMNS = 10;

const NEXT_SORT: Record<Sort, Sort> = { none: "ascending", ascending: "descending", descending: "none" };

/** Sorted by IC50 in place of the result order; curves without an IC50 always last. */
function sorted(entries: CurveEntry[], sort: Sort): CurveEntry[] {
  if (sort === "none") return entries;
  const sign = sort === "ascending" ? 1 : -1;
  return [...entries].sort((a, b) => {
    const x = a.curve.ic50_nM;
    const y = b.curve.ic50_nM;
    if (x === null || y === null) return (x === null ? 1 : 0) - (y === null ? 1 : 0);
    return sign * (x - y);
  });
}

function ic50Cell(curve: CurveFields): string {
  if (curve.ic50_nM === null) return "—";
  const qualifier = curve.ic50Qualifier === ">" ? "> " : "";
  return `${qualifier}${formatConcentration(curve.ic50_nM)}`;
}

function ciCell(curve: CurveFields): { wald: string | null; profile: string | null } {
  const unit = concentrationUnit(curve.ic50_nM ?? 0);
  const wald = curve.ci95_nM && curve.ic50Qualifier !== ">" ? formatInterval(curve.ci95_nM, unit) : null;
  const log10 = curve.ci95Log10Profile;
  const toNm = (bound: number | null) => (bound === null ? null : 10 ** bound);
  const profile =
    log10 && (log10[0] !== null || log10[1] !== null)
      ? formatInterval([toNm(log10[0]), toNm(log10[1])], unit)
      : null;
  return { wald, profile };
}

function maybe(value: number | null, format: (v: number) => string): string {
  return value === null ? "—" : format(value);
}

function Row({ entry }: { entry: CurveEntry }) {
  const { curve } = entry;
  const ci = ciCell(curve);
  const notes = [
    ...(curve.outlierWells.length > 0 ? [`ROUT outliers: ${curve.outlierWells.join(", ")}`] : []),
    ...curve.warnings,
  ];
  return (
    <>
      <tr
        data-compound={curve.compound}
        data-plate={entry.plate}
        className={notes.length > 0 ? "ic50-table__noted" : undefined}
      >
        <th scope="row">{curve.compound}</th>
        <td className="mono nowrap">
          {!entry.pooled ? (
            entry.plate
          ) : entry.plates.length <= 2 ? (
            entry.plates.join(", ")
          ) : (
            <abbr title={entry.plates.join(", ")}>{entry.plates.length} plates</abbr>
          )}
        </td>
        <td>
          <ClassBadge curveClass={curve.class} />
        </td>
        <td className="num nowrap ic50-table__ic50" data-testid="ic50">
          {ic50Cell(curve)}
        </td>
        <td className="num nowrap">
          {ci.wald ?? <span className="muted">—</span>}
          {ci.profile && (
            <span className="ic50-table__profile" title="95 % profile-likelihood interval">
              profile {ci.profile}
            </span>
          )}
        </td>
        <td className="num">{maybe(curve.hill, (v) => fixed(v, 2))}</td>
        <td className="num nowrap">
          {maybe(curve.top, (v) => fixed(v, 1))} / {maybe(curve.bottom, (v) => fixed(v, 1))}
        </td>
        <td className="num">{maybe(curve.r2, (v) => fixed(v, 3))}</td>
        <td className="num">{maybe(curve.nPoints, (v) => compact(v))}</td>
        <td className="num nowrap">{maybe(curve.absIc50_nM, formatConcentration)}</td>
      </tr>
      {notes.length > 0 && (
        <tr className="ic50-table__notes" data-notes-for={`${entry.plate}|${curve.compound}`}>
          <td colSpan={COLUMNS}>
            <span className="visually-hidden">Notes on {curve.compound}: </span>
            <ul>
              {notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          </td>
        </tr>
      )}
    </>
  );
}

/**
 * IC50s of every curve, then of the pooled curves, sortable by IC50 (ascending, descending, as
 * fitted). ROUT outliers and fit warnings are shown in a row under their curve.
 */
export function Ic50Table({ entries }: { entries: CurveEntry[] }) {
  const [sort, setSort] = useState<Sort>("none");
  const perPlate = sorted(
    entries.filter((e) => !e.pooled),
    sort,
  );
  const pooled = sorted(
    entries.filter((e) => e.pooled),
    sort,
  );
  const sortHint =
    sort === "none" ? "sort by IC50, lowest first" : sort === "ascending" ? "sort highest first" : "unsort";
  return (
    <div className="table-wrap">
      <table className="data ic50-table" data-testid="ic50-table">
        <caption className="visually-hidden">IC50 of each curve, then of the pooled curves</caption>
        <thead>
          <tr>
            <th scope="col">Compound</th>
            <th scope="col">Plate</th>
            <th scope="col">Class</th>
            <th scope="col" className="num" aria-sort={sort}>
              <button
                type="button"
                className="sort-button"
                onClick={() => setSort(NEXT_SORT[sort])}
                title={sortHint}
              >
                <span>
                  IC<sub>50</sub>
                </span>
                <span className="sort-button__arrow" aria-hidden="true">
                  {sort === "ascending" ? "▲" : sort === "descending" ? "▼" : "↕"}
                </span>
                <span className="visually-hidden"> ({sortHint})</span>
              </button>
            </th>
            <th scope="col" className="num" title="Wald 95 % confidence interval, in the IC50's unit">
              95 % CI
            </th>
            <th scope="col" className="num">
              Hill
            </th>
            <th scope="col" className="num" title="Top and bottom plateaus, % activity">
              Top / bottom
            </th>
            <th scope="col" className="num">
              R²
            </th>
            <th scope="col" className="num" title="Points fitted">
              n
            </th>
            <th scope="col" className="num" title="Absolute IC50: where the curve crosses 50 % activity">
              Abs. IC<sub>50</sub>
            </th>
          </tr>
        </thead>
        <tbody>
          {perPlate.map((entry) => (
            <Row key={entry.key} entry={entry} />
          ))}
          {perPlate.length === 0 && (
            <tr>
              <td colSpan={COLUMNS} className="empty">
                No per-plate curves.
              </td>
            </tr>
          )}
        </tbody>
        {pooled.length > 0 && (
          <tbody className="ic50-table__pooled">
            <tr>
              <th scope="colgroup" colSpan={COLUMNS} className="ic50-table__group">
                Pooled across plates
              </th>
            </tr>
            {pooled.map((entry) => (
              <Row key={entry.key} entry={entry} />
            ))}
          </tbody>
        )}
      </table>
    </div>
  );
}
