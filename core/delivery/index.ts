/**
 * What other core folders use of deliveries: what is sent, and how far a post has got. Inside
 * core/ a feature folder is imported only through its index (.dependency-cruiser.cjs says why).
 */
export type { DeliveryContent, OccurrenceProgress } from './delivery.js';
