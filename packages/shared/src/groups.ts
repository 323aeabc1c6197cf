import { z } from 'zod';

export const GroupSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  permissions: z.array(z.string()),
  isDefault: z.boolean(),
});
export type Group = z.infer<typeof GroupSchema>;
