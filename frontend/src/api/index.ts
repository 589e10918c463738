export * as ledgerApi from './ledger'
export { errorText, toAppError, type AppError, type Locale } from './errors'
