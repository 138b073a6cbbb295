import { groupCoProducts } from "../../../core/synthesis/coProducts.js";
import { Async } from "../components/Async.js";
import { Formula } from "../components/Formula.js";
import { Link } from "../components/Link.js";
import { PlotImage } from "../components/PlotImage.js";
import { fixed } from "../format.js";
import { paths } from "../router.js";
import { useDocumentTitle } from "../useDocumentTitle.js";
import { useFetch } from "../useFetch.js";
import { imbalance } from "./imbalance.js";
import { type CheckedRoute, synthesisApi } from "./synthesisApi.js";
import "./synthesis.css";

type Step = CheckedRoute["steps"][number];

function temperature(t: Step["conditions"]["temperature_C"]): string {
  return Array.isArray(t) ? `${fixed(t[0], 0)}–${fixed(t[1], 0)} °C` : `${fixed(t, 0)} °C`;
}

/**
 * The atom-balance verdict of a step: balanced or not (and then where the sides differ), and what the
 * reactants release besides the main product.
 */
function BalanceStatus({ step }: { step: Step }) {
  return (
    <p className="balance" data-testid={`balance-${step.index}`}>
      <span className={step.balanced ? "badge badge--ok" : "badge badge--bad"}>
        {step.balanced ? "Balanced" : "Not balanced"}
      </span>{" "}
      {!step.balanced && (
        <>
          <strong className="bad">{imbalance(step.balance)}</strong>{" "}
        </>
      )}
      <span>
        releases{" "}
        {step.released.accounted && step.coProducts.length === 0 ? (
          "nothing"
        ) : step.released.accounted ? (
          groupCoProducts(step.coProducts).map((g, k) => (
            <span key={g.name}>
              {k > 0 && " + "}
              {g.count > 1 && `${g.count} `}
              <Formula formula={g.formula} /> ({g.name})
            </span>
          ))
        ) : (
          <>
            <Formula formula={step.released.formula} />
            <strong className="bad"> — not accounted for by the co-products</strong>
          </>
        )}
      </span>
    </p>
  );
}

function StepCard({ routeId, step }: { routeId: string; step: Step }) {
  const c = step.conditions;
  return (
    <section
      className="card route-step"
      aria-labelledby={`step-${step.index}`}
      data-testid={`step-${step.index}`}
    >
      <h2 id={`step-${step.index}`}>
        Step {step.index}: {step.name}
      </h2>
      <p className="card__lead">{step.description}</p>
      <PlotImage
        src={synthesisApi.reactionUrl(routeId, step.index)}
        alt={`Reaction of step ${step.index}: ${step.reactionSmiles}`}
        width={1000}
        height={260}
        testId={`reaction-${step.index}`}
      />
      <BalanceStatus step={step} />
      <div className="table-wrap">
        <table className="data">
          <caption>Inputs</caption>
          <thead>
            <tr>
              <th scope="col">Input</th>
              <th scope="col">Role</th>
              <th scope="col" className="num">
                Equivalents
              </th>
              <th scope="col">Formula</th>
              <th scope="col" className="num">
                g/mol
              </th>
              <th scope="col" className="num">
                Density g/mL
              </th>
              <th scope="col">Source</th>
            </tr>
          </thead>
          <tbody>
            {step.inputs.map((i) => (
              <tr key={i.name}>
                <th scope="row">
                  {i.name}
                  {i.fromStep !== undefined && <span className="muted"> (step {i.fromStep})</span>}
                </th>
                <td>
                  <span className={`role role--${i.role}`}>{i.role}</span>
                </td>
                <td className="num">
                  {i.equivalents !== null
                    ? fixed(i.equivalents, 2)
                    : `${fixed(i.volume_mL_per_g ?? Number.NaN, 1)} mL/g`}
                  {i.concentration_mol_L !== undefined && (
                    <span className="muted"> ({fixed(i.concentration_mol_L, 1)} M)</span>
                  )}
                </td>
                <td>
                  <Formula formula={i.formula} />
                </td>
                <td className="num">{fixed(i.molarMass_g_mol, 3)}</td>
                <td className="num">{i.density_g_mL === null ? "—" : fixed(i.density_g_mL, 3)}</td>
                <td className="muted">{i.source ?? "—"}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">→ {step.product.name}</th>
              <td>product</td>
              <td className="num">{step.expectedYieldPct} % expected</td>
              <td>
                <Formula formula={step.product.formula} />
              </td>
              <td className="num">{fixed(step.product.molarMass_g_mol, 3)}</td>
              <td />
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
      <dl className="conditions">
        <div>
          <dt>Temperature</dt>
          <dd>{temperature(c.temperature_C)}</dd>
        </div>
        {c.time_h !== undefined && (
          <div>
            <dt>Time</dt>
            <dd>{fixed(c.time_h, 1)} h</dd>
          </div>
        )}
        {c.solvent && (
          <div>
            <dt>Solvent</dt>
            <dd>{c.solvent}</dd>
          </div>
        )}
        {c.atmosphere && (
          <div>
            <dt>Atmosphere</dt>
            <dd>{c.atmosphere}</dd>
          </div>
        )}
        {c.workup && (
          <div>
            <dt>Work-up</dt>
            <dd>{c.workup}</dd>
          </div>
        )}
      </dl>
      <p className="mono route-step__smiles wrap-anywhere">{step.reactionSmiles}</p>
      {step.assumptions.length > 0 && (
        <>
          <h3>Assumptions</h3>
          <ul className="assumptions">
            {step.assumptions.map((a) => (
              <li key={a.text}>
                {a.text} <span className="muted">[{a.source}]</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** /synthesis/:id — a route's steps: reaction, atom balance, inputs with roles, conditions, assumptions. */
export function RoutePage({ id }: { id: string }) {
  useDocumentTitle(`Route ${id}`);
  const state = useFetch(`synthesis-route:${id}`, (signal) => synthesisApi.route(id, signal));
  return (
    <Async state={state} what={`route ${id}`}>
      {(route) => {
        const balanced = route.steps.filter((s) => s.balanced).length;
        return (
          <>
            <div className="page-head">
              <nav aria-label="Breadcrumb" className="breadcrumb">
                <Link to={paths.synthesisRoutes()}>Synthesis</Link>
                <span aria-hidden="true"> / </span>
                <span className="mono">{route.id}</span>
              </nav>
              <h1>{route.title}</h1>
              <p className="page-head__lead">{route.source}</p>
              <dl className="headline">
                <div>
                  <dt>Target</dt>
                  <dd>
                    <Link to={paths.compound(route.target)}>{route.target}</Link>
                  </dd>
                </div>
                <div>
                  <dt>Steps balanced</dt>
                  <dd data-testid="balanced-count">
                    {balanced} / {route.steps.length}
                  </dd>
                </div>
                <div>
                  <dt>Plan</dt>
                  <dd>
                    <Link to={paths.synthesisPlan(route.id)}>amounts for a target mass</Link>
                  </dd>
                </div>
                <div>
                  <dt>Dossier</dt>
                  <dd>
                    <a href={synthesisApi.dossierUrl(route.target, "html")} target="_blank" rel="noreferrer">
                      HTML
                    </a>{" "}
                    ·{" "}
                    <a href={synthesisApi.dossierUrl(route.target, "pdf")} download>
                      PDF
                    </a>
                  </dd>
                </div>
              </dl>
            </div>
            {route.steps.map((step) => (
              <StepCard key={step.index} routeId={route.id} step={step} />
            ))}
          </>
        );
      }}
    </Async>
  );
}
