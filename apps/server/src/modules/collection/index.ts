// What other modules may use from the collection module.
export { collectionRoutes } from './collection.routes';
