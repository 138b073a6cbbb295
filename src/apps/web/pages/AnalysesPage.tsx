import { useCallback, useState } from "react";
import { KindPicker } from "../analyses/KindPicker.js";
import { KindRunner } from "../analyses/KindRunner.js";
import { RecentAnalyses } from "../analyses/RecentAnalyses.js";
import { api } from "../api.js";
import { Async } from "../components/Async.js";
import { useDocumentTitle } from "../useDocumentTitle.js";
import { useFetch } from "../useFetch.js";

/** /analyses?kind= — pick a kind, fill its generated form, run it; stored analyses below. */
export function AnalysesPage({ kindId }: { kindId: string | null }) {
  useDocumentTitle("Analyses");
  const kinds = useFetch("kinds", (signal) => api.kinds(signal));
  const [version, setVersion] = useState(0);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  return (
    <>
      <div className="page-head">
        <h1>Analyses</h1>
        <p className="page-head__lead">
          Every analysis is a kind with a parameter schema; the form below is generated from it, and each
          result is stored in a provenance envelope that is enough to rerun it.
        </p>
      </div>
      <Async state={kinds} what="the analysis kinds">
        {(list) => {
          if (list.length === 0) return <p className="empty">The server offers no analysis kinds.</p>;
          const selected = list.find((k) => k.id === kindId) ?? list[0]!;
          return (
            <div className="grid grid--analyses">
              <KindPicker kinds={list} selected={selected.id} />
              <div>
                {kindId !== null && kindId !== selected.id && (
                  <p className="notice" role="status">
                    There is no analysis kind “{kindId}”; showing {selected.id}.
                  </p>
                )}
                <KindRunner key={selected.id} kind={selected} onSaved={refresh} />
              </div>
            </div>
          );
        }}
      </Async>
      <RecentAnalyses version={version} />
    </>
  );
}
