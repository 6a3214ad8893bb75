/** Layered crosstabs (CROSSTABS … BY layer): one table per layer plus the total, rules applied jointly. */
import { z } from 'zod';
import type { LayeredCrosstab } from '../engine/layer-result';
import { crosstabRequest } from './analysis';
import { call } from './contract';

export const layersRequest = crosstabRequest.extend({
  layers: z.array(z.string().min(1).max(256)).min(1).max(4),
  includeMissingLayers: z.boolean().default(false),
});

export const layersSection = {
  'analysis.layers': call<LayeredCrosstab>()(layersRequest),
};
