export {
  calculateCost,
  costOf,
  type CalculateCostOptions,
  type Cost,
  type CostComponent,
  type CostLineItem,
  type CostPricing,
  type CostUsage,
  type PricedModel,
} from "./calculate-cost.js";
