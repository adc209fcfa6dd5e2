/**
 * Panache entities for every table of the platform schema (migrations/V1), one sub-package per
 * owning domain. Flyway owns the schema; these classes map it and Hibernate only validates.
 */
package coop.roseash.shared.model;
