import { checkinStoreContract } from '../testing/checkin-store-contract.js';
import { MemoryTableStore } from '../testing/memory-table-store.js';

checkinStoreContract('in-memory fake', async () => new MemoryTableStore());
