/**
 * Cross-cutting infrastructure every module uses: web page context and layout support, i18n, error
 * handling for pages and the API, clock, scheduled-job locks, blob storage, rate limits.
 */
@org.springframework.modulith.ApplicationModule(
    type = org.springframework.modulith.ApplicationModule.Type.OPEN,
    allowedDependencies = "shared")
package org.guildhall.platform;
