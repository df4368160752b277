// What other modules may use from the collection module.
export { collectionRoutes } from './collection.routes';
export { COLLECTION_LEGAL_BASIS } from './collection.tasks.service';
