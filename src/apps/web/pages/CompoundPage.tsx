import { ApiError, api } from "../api.js";
import { Async } from "../components/Async.js";
import { Link } from "../components/Link.js";
import { CompoundView } from "../compound/CompoundView.js";
import { paths } from "../router.js";
import { useFetch } from "../useFetch.js";

/** /compounds/:id — loads the compound record and shows everything Ixalab knows about it. */
export function CompoundPage({ id }: { id: string }) {
  const state = useFetch(`compound:${id}`, (signal) => api.compound(id, signal));
  const missing = state.status === "error" && state.error instanceof ApiError && state.error.status === 404;
  return (
    <>
      <Async state={state} what={`compound “${id}”`}>
        {(compound) => <CompoundView compound={compound} />}
      </Async>
      {missing && (
        <p>
          <Link to={paths.compounds()}>← All compounds</Link>
        </p>
      )}
    </>
  );
}
