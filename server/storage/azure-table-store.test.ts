import { tableStoreContract } from '../../core/testing/table-store-contract.js';
import { openTestStore } from '../../tests/support/tables.js';

tableStoreContract('Azure Tables on Azurite', () => openTestStore());
