import { MemoryTableStore } from './memory-table-store.js';
import { tableStoreContract } from './table-store-contract.js';

tableStoreContract('in-memory fake', async () => new MemoryTableStore());
