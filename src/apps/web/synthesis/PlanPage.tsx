import { type FormEvent, useState } from "react";
import { Async } from "../components/Async.js";
import { Formula } from "../components/Formula.js";
import { Link } from "../components/Link.js";
import { fixed } from "../format.js";
import { navigate, paths, useLocation } from "../router.js";
import { useDocumentTitle } from "../useDocumentTitle.js";
import { useFetch } from "../useFetch.js";
import { type CheckedRoute, type RoutePlan, synthesisApi } from "./synthesisApi.js";
import "./synthesis.css";

const DEFAULT_TARGET_G = "100";

/** The amounts table of one planned step, the product in the footer. */
function PlannedStepTable({ step }: { step: RoutePlan["steps"][number] }) {
  return (
    <div className="table-wrap">
      <table className="data plan-step" data-testid={`plan-step-${step.index}`}>
        <caption>
          Step {step.index}: {step.name} — yield {fixed(step.yieldPct, 1)} %
        </caption>
        <thead>
          <tr>
            <th scope="col">Input</th>
            <th scope="col">Role</th>
            <th scope="col">Formula</th>
            <th scope="col" className="num">
              mol
            </th>
            <th scope="col" className="num">
              g
            </th>
            <th scope="col" className="num">
              mL
            </th>
          </tr>
        </thead>
        <tbody>
          {step.inputs.map((i) => (
            <tr key={i.name}>
              <th scope="row">
                {i.name}
                {!i.rawMaterial && <span className="muted"> (intermediate)</span>}
              </th>
              <td>
                <span className={`role role--${i.role}`}>{i.role}</span>
              </td>
              <td>
                <Formula formula={i.formula} />
              </td>
              <td className="num">{fixed(i.mol, 5)}</td>
              <td className="num">{fixed(i.g, 3)}</td>
              <td className="num">{i.mL === null ? "—" : fixed(i.mL, 2)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">→ {step.product.name}</th>
            <td>product</td>
            <td>
              <Formula formula={step.product.formula} />
            </td>
            <td className="num">{fixed(step.product.mol, 5)}</td>
            <td className="num" data-testid={`plan-product-g-${step.index}`}>
              {fixed(step.product.g, 3)}
            </td>
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function PlanResult({ plan }: { plan: RoutePlan }) {
  return (
    <section className="card" aria-labelledby="plan-heading" data-testid="plan">
      <h2 id="plan-heading">Amounts for {fixed(plan.target_g, 3)} g</h2>
      <dl className="headline plan-summary">
        <div>
          <dt>Overall yield</dt>
          <dd data-testid="overall-yield">
            {fixed(plan.overallYieldPct, 2)} <span className="unit">%</span>
          </dd>
        </div>
        <div>
          <dt>Raw materials</dt>
          <dd>
            {fixed(plan.rawMaterials_g, 1)} <span className="unit">g</span>
          </dd>
        </div>
        <div>
          <dt>PMI</dt>
          <dd data-testid="pmi">
            {fixed(plan.pmi, 2)}
            <span className="headline__method">g of raw materials per g of product (ACS GCI)</span>
          </dd>
        </div>
        <div>
          <dt>E-factor</dt>
          <dd data-testid="e-factor">
            {fixed(plan.eFactor, 2)}
            <span className="headline__method">g of waste per g of product (Sheldon) = PMI − 1</span>
          </dd>
        </div>
      </dl>
      {plan.steps.map((s) => (
        <PlannedStepTable key={s.index} step={s} />
      ))}
    </section>
  );
}

function PlanForm({ route, targetG, yields }: { route: CheckedRoute; targetG: string; yields: string[] }) {
  const [target, setTarget] = useState(targetG);
  const [stepYields, setStepYields] = useState(yields);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    navigate(paths.synthesisPlan(route.id, { targetG: target.trim(), yields: stepYields.join(",") }), {
      keepScroll: true,
    });
  }
  return (
    <form className="plan-form" onSubmit={submit} aria-label="Plan amounts" noValidate>
      <div className="field">
        <label htmlFor="plan-target">Target mass of {route.steps.at(-1)?.product.name} (g)</label>
        <input
          id="plan-target"
          type="number"
          inputMode="decimal"
          min="0"
          step="any"
          value={target}
          onChange={(e) => setTarget(e.target.value)}
        />
      </div>
      <fieldset className="plan-form__yields">
        <legend>Step yields (%)</legend>
        {route.steps.map((s, k) => (
          <div className="field" key={s.index}>
            <label htmlFor={`plan-yield-${s.index}`}>
              Step {s.index} <span className="field__name">expected {s.expectedYieldPct} %</span>
            </label>
            <input
              id={`plan-yield-${s.index}`}
              type="number"
              inputMode="decimal"
              min="0"
              max="100"
              step="any"
              value={stepYields[k] ?? ""}
              onChange={(e) =>
                setStepYields((previous) => previous.map((y, j) => (j === k ? e.target.value : y)))
              }
            />
          </div>
        ))}
      </fieldset>
      <div>
        <button type="submit" className="button button--primary">
          Plan
        </button>
      </div>
    </form>
  );
}

/** /synthesis/:id/plan?targetG=&yields= — amounts of every input of every step for a target mass. */
export function PlanPage({ id }: { id: string }) {
  useDocumentTitle(`Plan ${id}`);
  const { search } = useLocation();
  const route = useFetch(`synthesis-route:${id}`, (signal) => synthesisApi.route(id, signal));
  return (
    <Async state={route} what={`route ${id}`}>
      {(r) => {
        const targetG = search.get("targetG") ?? DEFAULT_TARGET_G;
        const given = search.get("yields")?.split(",");
        const yields = given ?? r.steps.map((s) => String(s.expectedYieldPct));
        return (
          <>
            <div className="page-head">
              <nav aria-label="Breadcrumb" className="breadcrumb">
                <Link to={paths.synthesisRoutes()}>Synthesis</Link>
                <span aria-hidden="true"> / </span>
                <Link to={paths.synthesisRoute(r.id)}>{r.id}</Link>
                <span aria-hidden="true"> / </span>
                plan
              </nav>
              <h1>Plan: {r.title}</h1>
              <p className="page-head__lead">
                Back through the route from the target mass: each step's limiting input is its product divided
                by the step yield, every other input follows by its equivalents (solvents by mL per g of the
                limiting input).
              </p>
            </div>
            <div className="grid grid--plan">
              <section className="card" aria-labelledby="plan-form-heading">
                <h2 id="plan-form-heading">Target and yields</h2>
                <PlanForm
                  key={`${targetG}|${yields.join(",")}`}
                  route={r}
                  targetG={targetG}
                  yields={yields}
                />
              </section>
              <Plan id={r.id} targetG={targetG} yields={yields} />
            </div>
          </>
        );
      }}
    </Async>
  );
}

function Plan({ id, targetG, yields }: { id: string; targetG: string; yields: string[] }) {
  const key = `plan:${id}:${targetG}:${yields.join(",")}`;
  const state = useFetch(key, (signal) => synthesisApi.plan(id, targetG, yields, signal));
  return (
    <div aria-live="polite">
      <Async state={state} what="the plan">
        {(plan) => <PlanResult plan={plan} />}
      </Async>
    </div>
  );
}
