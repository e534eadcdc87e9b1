import { bookingStoreContract } from '../helpers/bookingStoreContract.ts'
import { startTestPayload } from '../helpers/payload.ts'

bookingStoreContract('SQLite', startTestPayload)
