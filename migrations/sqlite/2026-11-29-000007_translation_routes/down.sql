DROP TABLE translation_routes;
