/**
 * Logistic regression on hashed features, trained with AdaGrad: small, dependency-free and
 * deterministic (a seeded shuffle, a fixed number of epochs, the same float operations in
 * the same order), so one corpus always gives the same model.
 */
import type { Feature } from '../../src/core/crisis/features.ts';
import { seededRandom } from '../../src/core/random.ts';

export interface Example {
  features: Feature[];
  /** 1 for the class, 0 otherwise. */
  label: 0 | 1;
  /** How much this example counts (class balance). */
  weight: number;
  /**
   * Each feature's value (1 / sqrt of the feature count, see `lengthScale`): a long message
   * counts as much as a short one, and the rate means the same for both.
   */
  scale: number;
}

/**
 * The value of each of `count` features: their vector has length one, but a message of fewer
 * than `floor` features is scaled as if it had `floor` (a few words say little, so they stay
 * near the bias, as with raw counts).
 */
export const lengthScale = (count: number, floor: number): number =>
  count > 0 ? 1 / Math.sqrt(Math.max(floor, count)) : 0;

export interface TrainOptions {
  dimensions: number;
  epochs: number;
  /** AdaGrad's base rate. */
  rate: number;
  /** L2 penalty per update. */
  l2: number;
  seed: number;
}

export interface LinearModel {
  bias: number;
  weights: Float64Array;
}

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

export function margin(model: LinearModel, features: readonly Feature[], scale = 1): number {
  let z = 0;
  for (const f of features) z += f.sign * (model.weights[f.index] as number);
  return model.bias + scale * z;
}

export function train(examples: readonly Example[], options: TrainOptions): LinearModel {
  const { dimensions, epochs, rate, l2 } = options;
  const weights = new Float64Array(dimensions);
  const squares = new Float64Array(dimensions).fill(1e-8);
  let bias = 0;
  let biasSquares = 1e-8;
  const random = seededRandom(options.seed);
  const order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (const i of order) {
      const example = examples[i] as Example;
      const p = sigmoid(margin({ bias, weights }, example.features, example.scale));
      const gradient = (p - example.label) * example.weight;
      const step = gradient * example.scale;
      for (const f of example.features) {
        const g = step * f.sign + l2 * (weights[f.index] as number);
        squares[f.index] = (squares[f.index] as number) + g * g;
        weights[f.index] = (weights[f.index] as number) - (rate * g) / Math.sqrt(squares[f.index] as number);
      }
      biasSquares += gradient * gradient;
      bias -= (rate * gradient) / Math.sqrt(biasSquares);
    }
  }
  return { bias, weights };
}
