// Generated from openapi.yaml by scripts/generate-openapi.mjs: edit the YAML, then run `yarn openapi:generate`.
/* eslint-disable */
export const spec = {
  "openapi": "3.1.0",
  "info": {
    "title": "thinness-scorecard",
    "version": "1.0.0",
    "description": "Thinness scorecard of Platform Product Kit: a verdict (keep, invest, outsource, dispose, review) with reasons for every platform capability in the catalog, and the platform thinness score (0–100) from weighted, explained sub-scores, with a daily history. Reads needs-discovery and habit-metrics when they are installed. Every route needs a user or service token; reading needs thinness-scorecard.read, recomputing thinness-scorecard.refresh (service tokens too: a plugin's own token is allowed, an external-access token only where its access restrictions allow).",
    "license": {
      "name": "Apache-2.0"
    }
  },
  "servers": [
    {
      "url": "/"
    }
  ],
  "components": {
    "parameters": {
      "kind": {
        "name": "kind",
        "in": "path",
        "required": true,
        "description": "An entity kind (letters and digits, starting with a letter), e.g. system.",
        "schema": {
          "type": "string",
          "minLength": 1,
          "maxLength": 63
        }
      },
      "namespace": {
        "name": "namespace",
        "in": "path",
        "required": true,
        "description": "An entity namespace as the catalog accepts it (letters, digits and \"-\", at most 63). The path segments are read together as one entity ref by the suite's ref rule, whose 400 says what is wrong with it.",
        "schema": {
          "type": "string",
          "minLength": 1,
          "maxLength": 63
        }
      },
      "name": {
        "name": "name",
        "in": "path",
        "required": true,
        "description": "An entity name as the catalog accepts it (letters, digits, \"-\", \"_\" and \".\", at most 63).",
        "schema": {
          "type": "string",
          "minLength": 1,
          "maxLength": 63
        }
      }
    },
    "responses": {
      "Error": {
        "description": "A Backstage error body",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      }
    },
    "schemas": {
      "Error": {
        "type": "object",
        "properties": {
          "error": {
            "type": "object",
            "properties": {
              "name": {
                "type": "string"
              },
              "message": {
                "type": "string"
              }
            },
            "required": [
              "name",
              "message"
            ]
          },
          "response": {
            "type": "object",
            "properties": {
              "statusCode": {
                "type": "number"
              }
            }
          }
        }
      },
      "Verdict": {
        "type": "string",
        "enum": [
          "keep",
          "invest",
          "outsource",
          "dispose",
          "review"
        ]
      },
      "VerdictCounts": {
        "type": "object",
        "properties": {
          "keep": {
            "type": "integer"
          },
          "invest": {
            "type": "integer"
          },
          "outsource": {
            "type": "integer"
          },
          "dispose": {
            "type": "integer"
          },
          "review": {
            "type": "integer"
          }
        },
        "required": [
          "keep",
          "invest",
          "outsource",
          "dispose",
          "review"
        ]
      },
      "SubscoreId": {
        "type": "string",
        "enum": [
          "needCoverage",
          "adoption",
          "commodityInHouse",
          "overdueReviews",
          "surfacePerTeam",
          "growthBalance"
        ]
      },
      "Sources": {
        "type": "object",
        "description": "Which optional plugins answered when the facts were gathered.",
        "properties": {
          "needsDiscovery": {
            "type": "boolean"
          },
          "habitMetrics": {
            "type": "boolean"
          }
        },
        "required": [
          "needsDiscovery",
          "habitMetrics"
        ]
      },
      "Subscore": {
        "type": "object",
        "properties": {
          "id": {
            "$ref": "#/components/schemas/SubscoreId"
          },
          "title": {
            "type": "string"
          },
          "value": {
            "type": [
              "integer",
              "null"
            ],
            "minimum": 0,
            "maximum": 100,
            "description": "0–100, higher is thinner; null when there is nothing to score (no capabilities yet)."
          },
          "weight": {
            "type": "number"
          },
          "inputs": {
            "type": "array",
            "description": "The numbers the sub-score came from.",
            "items": {
              "type": "object",
              "properties": {
                "id": {
                  "type": "string"
                },
                "label": {
                  "type": "string"
                },
                "value": {
                  "type": [
                    "number",
                    "string",
                    "null"
                  ]
                }
              },
              "required": [
                "id",
                "label",
                "value"
              ]
            }
          },
          "formula": {
            "type": "string"
          },
          "explanation": {
            "type": "string"
          }
        },
        "required": [
          "id",
          "title",
          "value",
          "weight",
          "inputs",
          "formula",
          "explanation"
        ]
      },
      "Consumers": {
        "type": "object",
        "description": "Used by N (count) of M (productTeams) product teams. With habit-metrics installed these are its figures (source habit-metrics): its cumulative adopters and product teams; otherwise the product teams owning an entity that uses the capability in the catalog (source catalog).",
        "properties": {
          "teams": {
            "type": "array",
            "items": {
              "type": "string"
            },
            "description": "Entity refs of the adopting product teams."
          },
          "count": {
            "type": "integer",
            "description": "N: the adopters"
          },
          "productTeams": {
            "type": "integer",
            "description": "M: the product teams"
          },
          "share": {
            "type": "number",
            "minimum": 0,
            "maximum": 1,
            "description": "count / productTeams to 4 decimals; 0 without product teams."
          },
          "activeTeams": {
            "type": [
              "integer",
              "null"
            ],
            "description": "Product teams active in the 4 weeks ending with the current one (habit-metrics); null from the catalog."
          },
          "source": {
            "type": "string",
            "enum": [
              "habit-metrics",
              "catalog"
            ],
            "description": "Where the adopters come from."
          }
        },
        "required": [
          "teams",
          "count",
          "productTeams",
          "share",
          "activeTeams",
          "source"
        ]
      },
      "Need": {
        "type": [
          "object",
          "null"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "shared": {
            "type": "boolean"
          },
          "teams": {
            "type": [
              "integer",
              "null"
            ]
          },
          "state": {
            "type": "string",
            "enum": [
              "shared",
              "not-shared",
              "not-found",
              "unverified"
            ]
          },
          "title": {
            "type": "string"
          },
          "status": {
            "type": "string"
          }
        },
        "required": [
          "id",
          "shared",
          "teams",
          "state"
        ]
      },
      "CapabilityScore": {
        "type": "object",
        "properties": {
          "entityRef": {
            "type": "string"
          },
          "title": {
            "type": "string"
          },
          "owner": {
            "type": [
              "string",
              "null"
            ]
          },
          "consumers": {
            "$ref": "#/components/schemas/Consumers"
          },
          "need": {
            "$ref": "#/components/schemas/Need"
          },
          "valueClass": {
            "type": "string",
            "enum": [
              "differentiating",
              "commodity",
              "unknown"
            ]
          },
          "surface": {
            "type": "integer"
          },
          "verdict": {
            "$ref": "#/components/schemas/Verdict"
          },
          "reasons": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "lifecycle": {
            "type": [
              "string",
              "null"
            ]
          },
          "mvpReviewDate": {
            "type": [
              "string",
              "null"
            ],
            "description": "YYYY-MM-DD"
          },
          "reviewOverdue": {
            "type": "boolean"
          },
          "adoptionTrend": {
            "type": [
              "string",
              "null"
            ],
            "enum": [
              "growing",
              "flat",
              "shrinking",
              null
            ],
            "description": "habit-metrics' trend over the last 12 weeks; null without habit-metrics."
          },
          "firstSeenAt": {
            "type": "string"
          },
          "sources": {
            "$ref": "#/components/schemas/Sources"
          }
        },
        "required": [
          "entityRef",
          "title",
          "owner",
          "consumers",
          "need",
          "valueClass",
          "surface",
          "verdict",
          "reasons",
          "lifecycle",
          "mvpReviewDate",
          "reviewOverdue",
          "adoptionTrend",
          "firstSeenAt",
          "sources"
        ]
      },
      "NotScored": {
        "type": [
          "object",
          "null"
        ],
        "description": "Why the platform is not scored; null when it is.",
        "properties": {
          "reason": {
            "type": "string",
            "enum": [
              "no-capabilities"
            ]
          },
          "message": {
            "type": "string",
            "description": "The reason and the next step",
            "in plain words.": null
          }
        },
        "required": [
          "reason",
          "message"
        ]
      },
      "Scorecard": {
        "type": "object",
        "properties": {
          "score": {
            "type": [
              "integer",
              "null"
            ],
            "minimum": 0,
            "maximum": 100,
            "description": "Platform thinness score; null when the platform is not scored (no catalog entity is annotated platform-product.io/capability: \"true\" yet), and notScored says why."
          },
          "notScored": {
            "$ref": "#/components/schemas/NotScored"
          },
          "subscores": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Subscore"
            }
          },
          "capabilities": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/CapabilityScore"
            }
          },
          "computedAt": {
            "type": "string"
          },
          "productTeams": {
            "type": "integer"
          },
          "adoptingTeams": {
            "type": "integer"
          },
          "sources": {
            "$ref": "#/components/schemas/Sources"
          },
          "rules": {
            "type": "object",
            "properties": {
              "adoptionFloor": {
                "type": "number"
              },
              "investAdoption": {
                "type": "number"
              },
              "graceDays": {
                "type": "integer"
              }
            }
          },
          "verdicts": {
            "$ref": "#/components/schemas/VerdictCounts"
          }
        },
        "required": [
          "score",
          "notScored",
          "subscores",
          "capabilities",
          "computedAt",
          "productTeams",
          "adoptingTeams",
          "sources",
          "rules",
          "verdicts"
        ]
      },
      "HistoryPoint": {
        "type": "object",
        "properties": {
          "period": {
            "type": "string",
            "description": "UTC day YYYY-MM-DD"
          },
          "score": {
            "type": "integer"
          },
          "subscores": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "id": {
                  "$ref": "#/components/schemas/SubscoreId"
                },
                "value": {
                  "type": "integer"
                }
              }
            }
          },
          "verdicts": {
            "$ref": "#/components/schemas/VerdictCounts"
          },
          "capabilities": {
            "type": "integer"
          },
          "adoptingTeams": {
            "type": "integer"
          },
          "demo": {
            "type": "boolean"
          }
        },
        "required": [
          "period",
          "score",
          "subscores",
          "verdicts",
          "capabilities",
          "adoptingTeams",
          "demo"
        ]
      },
      "CapabilityDetail": {
        "type": "object",
        "properties": {
          "capability": {
            "$ref": "#/components/schemas/CapabilityScore"
          },
          "verdictHistory": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "period": {
                  "type": "string"
                },
                "verdict": {
                  "$ref": "#/components/schemas/Verdict"
                },
                "demo": {
                  "type": "boolean"
                }
              }
            }
          },
          "adoption": {
            "type": [
              "object",
              "null"
            ],
            "description": "Weekly adoption from habit-metrics; null when it is not installed.",
            "properties": {
              "weeks": {
                "type": "array",
                "items": {
                  "type": "object",
                  "properties": {
                    "week": {
                      "type": "string"
                    },
                    "activeTeams": {
                      "type": "number"
                    },
                    "cumulativeAdopters": {
                      "type": "number"
                    },
                    "share": {
                      "type": "number"
                    }
                  }
                }
              }
            }
          },
          "computedAt": {
            "type": "string"
          }
        },
        "required": [
          "capability",
          "verdictHistory",
          "adoption",
          "computedAt"
        ]
      }
    }
  },
  "paths": {
    "/scorecard": {
      "get": {
        "operationId": "GetScorecard",
        "description": "The latest scorecard (thinness-scorecard.read). Computed by the daily task; computed on the spot when there is none yet. Without capabilities the score and sub-scores are null and notScored says why and what to do.",
        "responses": {
          "200": {
            "description": "The scorecard",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Scorecard"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/scorecard/history": {
      "get": {
        "operationId": "GetScorecardHistory",
        "description": "Daily snapshots of the last `days` days, oldest first (thinness-scorecard.read). Only scored days are recorded: a day without capabilities has no snapshot.",
        "parameters": [
          {
            "name": "days",
            "in": "query",
            "required": false,
            "description": "1 to 3650, written in decimal digits only (0x10 or 1e2 is a 400). Default 90.",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 3650,
              "default": 90
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The history",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "days": {
                      "type": "integer"
                    },
                    "items": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/HistoryPoint"
                      }
                    }
                  },
                  "required": [
                    "days",
                    "items"
                  ]
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/capabilities/{kind}/{namespace}/{name}": {
      "parameters": [
        {
          "$ref": "#/components/parameters/kind"
        },
        {
          "$ref": "#/components/parameters/namespace"
        },
        {
          "$ref": "#/components/parameters/name"
        }
      ],
      "get": {
        "operationId": "GetCapability",
        "description": "One capability's verdict, reasons and facts, its verdict history (90 days) and its habit-metrics adoption (thinness-scorecard.read). With refresh=true (thinness-scorecard.refresh) the capability is recomputed from the catalog first. A capability that the latest scorecard does not hold yet (annotated since) is scored on the spot. 404 when the entity is not a capability.",
        "parameters": [
          {
            "name": "refresh",
            "in": "query",
            "required": false,
            "schema": {
              "type": "boolean"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The capability",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/CapabilityDetail"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/refresh": {
      "post": {
        "operationId": "RefreshScorecard",
        "description": "Recomputes the whole scorecard now and returns it (thinness-scorecard.refresh). It takes no body.",
        "requestBody": {
          "required": false,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "description": "Nothing; any field is a 400.",
                "additionalProperties": false
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The recomputed scorecard",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Scorecard"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    }
  }
} as const;

export type ModelError = {
  error?: {
    name: string;
    message: string;
  };
  response?: {
    statusCode?: number;
  };
};

export type Verdict = "keep" | "invest" | "outsource" | "dispose" | "review";

export type VerdictCounts = {
  keep: number;
  invest: number;
  outsource: number;
  dispose: number;
  review: number;
};

export type SubscoreId = "needCoverage" | "adoption" | "commodityInHouse" | "overdueReviews" | "surfacePerTeam" | "growthBalance";

/** Which optional plugins answered when the facts were gathered. */
export type Sources = {
  needsDiscovery: boolean;
  habitMetrics: boolean;
};

export type Subscore = {
  id: SubscoreId;
  title: string;
  /** 0–100, higher is thinner; null when there is nothing to score (no capabilities yet). */
  value: number | null;
  weight: number;
  /** The numbers the sub-score came from. */
  inputs: Array<{
    id: string;
    label: string;
    value: number | string | null;
  }>;
  formula: string;
  explanation: string;
};

/** Used by N (count) of M (productTeams) product teams. With habit-metrics installed these are its figures (source habit-metrics): its cumulative adopters and product teams; otherwise the product teams owning an entity that uses the capability in the catalog (source catalog). */
export type Consumers = {
  /** Entity refs of the adopting product teams. */
  teams: Array<string>;
  /** N: the adopters */
  count: number;
  /** M: the product teams */
  productTeams: number;
  /** count / productTeams to 4 decimals; 0 without product teams. */
  share: number;
  /** Product teams active in the 4 weeks ending with the current one (habit-metrics); null from the catalog. */
  activeTeams: number | null;
  /** Where the adopters come from. */
  source: "habit-metrics" | "catalog";
};

export type Need = {
  id: string;
  shared: boolean;
  teams: number | null;
  state: "shared" | "not-shared" | "not-found" | "unverified";
  title?: string;
  status?: string;
} | null;

export type CapabilityScore = {
  entityRef: string;
  title: string;
  owner: string | null;
  consumers: Consumers;
  need: Need;
  valueClass: "differentiating" | "commodity" | "unknown";
  surface: number;
  verdict: Verdict;
  reasons: Array<string>;
  lifecycle: string | null;
  /** YYYY-MM-DD */
  mvpReviewDate: string | null;
  reviewOverdue: boolean;
  /** habit-metrics' trend over the last 12 weeks; null without habit-metrics. */
  adoptionTrend: "growing" | "flat" | "shrinking" | null;
  firstSeenAt: string;
  sources: Sources;
};

/** Why the platform is not scored; null when it is. */
export type NotScored = {
  reason: "no-capabilities";
  /** The reason and the next step */
  message: string;
} | null;

export type Scorecard = {
  /** Platform thinness score; null when the platform is not scored (no catalog entity is annotated platform-product.io/capability: "true" yet), and notScored says why. */
  score: number | null;
  notScored: NotScored;
  subscores: Array<Subscore>;
  capabilities: Array<CapabilityScore>;
  computedAt: string;
  productTeams: number;
  adoptingTeams: number;
  sources: Sources;
  rules: {
    adoptionFloor?: number;
    investAdoption?: number;
    graceDays?: number;
  };
  verdicts: VerdictCounts;
};

export type HistoryPoint = {
  /** UTC day YYYY-MM-DD */
  period: string;
  score: number;
  subscores: Array<{
    id?: SubscoreId;
    value?: number;
  }>;
  verdicts: VerdictCounts;
  capabilities: number;
  adoptingTeams: number;
  demo: boolean;
};

export type CapabilityDetail = {
  capability: CapabilityScore;
  verdictHistory: Array<{
    period?: string;
    verdict?: Verdict;
    demo?: boolean;
  }>;
  /** Weekly adoption from habit-metrics; null when it is not installed. */
  adoption: {
    weeks?: Array<{
      week?: string;
      activeTeams?: number;
      cumulativeAdopters?: number;
      share?: number;
    }>;
  } | null;
  computedAt: string;
};

/** The latest scorecard (thinness-scorecard.read). Computed by the daily task; computed on the spot when there is none yet. Without capabilities the score and sub-scores are null and notScored says why and what to do. */
export type GetScorecard = {
  response: Scorecard;
};

/** Daily snapshots of the last `days` days, oldest first (thinness-scorecard.read). Only scored days are recorded: a day without capabilities has no snapshot. */
export type GetScorecardHistory = {
  query: {
    /** 1 to 3650, written in decimal digits only (0x10 or 1e2 is a 400). Default 90. */
    days?: number;
  };
  response: {
    days: number;
    items: Array<HistoryPoint>;
  };
};

/** One capability's verdict, reasons and facts, its verdict history (90 days) and its habit-metrics adoption (thinness-scorecard.read). With refresh=true (thinness-scorecard.refresh) the capability is recomputed from the catalog first. A capability that the latest scorecard does not hold yet (annotated since) is scored on the spot. 404 when the entity is not a capability. */
export type GetCapability = {
  path: {
    /** An entity kind (letters and digits, starting with a letter), e.g. system. */
    kind: string;
    /** An entity namespace as the catalog accepts it (letters, digits and "-", at most 63). The path segments are read together as one entity ref by the suite's ref rule, whose 400 says what is wrong with it. */
    namespace: string;
    /** An entity name as the catalog accepts it (letters, digits, "-", "_" and ".", at most 63). */
    name: string;
  };
  query: {
    refresh?: boolean;
  };
  response: CapabilityDetail;
};

/** Recomputes the whole scorecard now and returns it (thinness-scorecard.refresh). It takes no body. */
export type RefreshScorecard = {
  body: Record<string, never>;
  response: Scorecard;
};

/** Every operation of the spec, keyed as `createValidatedOpenApiRouterFromGeneratedEndpointMap` expects. */
export type EndpointMap = {
  '#get|/scorecard': GetScorecard;
  '#get|/scorecard/history': GetScorecardHistory;
  '#get|/capabilities/{kind}/{namespace}/{name}': GetCapability;
  '#post|/refresh': RefreshScorecard;
};
