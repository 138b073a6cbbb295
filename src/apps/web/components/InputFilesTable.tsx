import type { InputFileRef } from "../api.js";
import { formatBytes } from "../format.js";

/** The input files of a provenance envelope: name, format, size and a short SHA-256 (full on hover). */
export function InputFilesTable({ inputs }: { inputs: InputFileRef[] }) {
  if (inputs.length === 0) {
    return (
      <p className="muted input-files__none" data-testid="input-files">
        No input files: the parameters alone define this analysis.
      </p>
    );
  }
  return (
    <div className="table-wrap">
      <table className="data input-files" data-testid="input-files">
        <caption>Input files</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Format</th>
            <th scope="col" className="num">
              Size
            </th>
            <th scope="col">SHA-256</th>
          </tr>
        </thead>
        <tbody>
          {inputs.map((input) => (
            <tr key={`${input.name}:${input.sha256}`}>
              <th scope="row" className="mono wrap-anywhere">
                {input.name}
              </th>
              <td className="mono">{input.format}</td>
              <td className="num nowrap" title={`${input.bytes} bytes`}>
                {formatBytes(input.bytes)}
              </td>
              <td className="mono nowrap">
                <abbr title={input.sha256} className="input-files__hash">
                  {input.sha256.slice(0, 12)}…
                </abbr>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
