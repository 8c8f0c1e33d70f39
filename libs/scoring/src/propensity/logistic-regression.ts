type Rows = readonly (readonly number[])[];

/** A fitted logistic regression: `P(y = 1 | x) = σ(intercept + weights · x)`. */
export interface LogisticModel {
  weights: number[];
  intercept: number;
}

/** Options of {@link fitLogisticRegression}. */
export interface LogisticRegressionOptions {
  /** L2 penalty `λ/2 · ‖weights‖²` (the intercept is not penalised), in the units of the rows. Default 1. */
  l2?: number;
  /** Newton steps at most. Default 50. */
  maxIterations?: number;
  /** Stop when no coefficient moves by more than this. Default 1e-9. */
  tolerance?: number;
}

/**
 * The logistic function, written so that neither tail overflows.
 *
 * @example
 * ```ts
 * sigmoid(0); // 0.5
 * ```
 */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/**
 * The linear predictor (log-odds) of a row.
 *
 * @example
 * ```ts
 * logOdds({ weights: [2], intercept: -1 }, [0.5]); // 0
 * ```
 */
export function logOdds(model: LogisticModel, row: readonly number[]): number {
  let z = model.intercept;
  for (let j = 0; j < model.weights.length; j += 1) z += (model.weights[j] as number) * (row[j] as number);
  return z;
}

// Solves the symmetric positive definite system a·x = b by Cholesky; `a` is row-major, n × n.
function solveSpd(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i += 1) {
    for (let j = 0; j <= i; j += 1) {
      let sum = a[i * n + j] as number;
      for (let k = 0; k < j; k += 1) sum -= (l[i * n + k] as number) * (l[j * n + k] as number);
      l[i * n + j] = i === j ? Math.sqrt(Math.max(sum, 1e-300)) : sum / (l[j * n + j] as number);
    }
  }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    let sum = b[i] as number;
    for (let k = 0; k < i; k += 1) sum -= (l[i * n + k] as number) * (y[k] as number);
    y[i] = sum / (l[i * n + i] as number);
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i -= 1) {
    let sum = y[i] as number;
    for (let k = i + 1; k < n; k += 1) sum -= (l[k * n + i] as number) * (x[k] as number);
    x[i] = sum / (l[i * n + i] as number);
  }
  return x;
}

/**
 * L2-regularised logistic regression by Newton's method (iteratively reweighted least squares) from all-zero
 * coefficients: no learning rate, no randomness, so the same rows always give the same model, bit for bit. The
 * penalised log-likelihood is strictly concave, so it converges in a handful of steps (each O(n·d²) for d columns),
 * and the penalty keeps the weights finite on separable data. Labels are 0 or 1.
 *
 * @example
 * ```ts
 * const model = fitLogisticRegression([[0], [1], [2], [3]], [0, 0, 1, 1], { l2: 0.1 });
 * sigmoid(logOdds(model, [1.5])); // 0.5
 * ```
 */
export function fitLogisticRegression(
  rows: Rows,
  labels: readonly number[],
  options: LogisticRegressionOptions = {},
): LogisticModel & { iterations: number; converged: boolean } {
  const { l2 = 1, maxIterations = 50, tolerance = 1e-9 } = options;
  const d = rows[0]?.length ?? 0;
  const n = d + 1; // coefficient 0 is the intercept
  const beta = new Float64Array(n);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations && !converged) {
    iterations += 1;
    const gradient = new Float64Array(n);
    const hessian = new Float64Array(n * n);
    const x = new Float64Array(n);
    x[0] = 1;
    for (let r = 0; r < rows.length; r += 1) {
      const row = rows[r] as readonly number[];
      let z = beta[0] as number;
      for (let j = 0; j < d; j += 1) {
        x[j + 1] = row[j] as number;
        z += (beta[j + 1] as number) * (row[j] as number);
      }
      const p = sigmoid(z);
      const residual = p - (labels[r] as number);
      const w = p * (1 - p);
      for (let i = 0; i < n; i += 1) {
        gradient[i] = (gradient[i] as number) + residual * (x[i] as number);
        for (let j = 0; j <= i; j += 1)
          hessian[i * n + j] = (hessian[i * n + j] as number) + w * (x[i] as number) * (x[j] as number);
      }
    }
    for (let i = 0; i < n; i += 1) {
      for (let j = 0; j < i; j += 1) hessian[j * n + i] = hessian[i * n + j] as number;
      // A vanishing ridge on the intercept keeps the system solvable when every label is the same.
      hessian[i * n + i] = (hessian[i * n + i] as number) + (i === 0 ? 1e-9 : l2);
      if (i > 0) gradient[i] = (gradient[i] as number) + l2 * (beta[i] as number);
    }
    const step = solveSpd(hessian, gradient, n);
    let largest = 0;
    for (let i = 0; i < n; i += 1) {
      beta[i] = (beta[i] as number) - (step[i] as number);
      largest = Math.max(largest, Math.abs(step[i] as number));
    }
    converged = largest <= tolerance;
  }
  return { intercept: beta[0] as number, weights: Array.from(beta.subarray(1)), iterations, converged };
}
