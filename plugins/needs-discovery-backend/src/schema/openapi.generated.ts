// Generated from openapi.yaml by scripts/generate-openapi.mjs: edit the YAML, then run `yarn openapi:generate`.
/* eslint-disable */
export const spec = {
  "openapi": "3.1.0",
  "info": {
    "title": "needs-discovery",
    "version": "1.0.0",
    "description": "Needs-discovery surveys of Platform Product Kit. Every route needs a user or service token. Results are aggregates only: breakdowns and free text drawn from fewer respondents than the survey's anonymity threshold are suppressed, and nobody but the respondent can read a person's answers. Request bodies are checked here for shape; survey definitions and answers are then checked against the survey, and a 400 lists every problem.",
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
      "surveyId": {
        "name": "id",
        "in": "path",
        "required": true,
        "description": "A survey id as the API gives it (lowercase letters and digits joined by single hyphens).",
        "schema": {
          "type": "string",
          "minLength": 1,
          "maxLength": 64,
          "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"
        }
      },
      "needId": {
        "name": "id",
        "in": "path",
        "required": true,
        "description": "A need id, kebab-case (lowercase letters and digits joined by single hyphens, e.g. need-fast-setup).",
        "schema": {
          "type": "string",
          "minLength": 1,
          "maxLength": 100,
          "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"
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
      "Need": {
        "type": "object",
        "description": "id is kebab-case (lowercase letters and digits joined by single hyphens) and unique in the survey; the survey check says which need breaks it, so the pattern is not repeated here.",
        "properties": {
          "id": {
            "type": "string",
            "maxLength": 100
          },
          "title": {
            "type": "string",
            "maxLength": 200
          },
          "description": {
            "type": "string",
            "maxLength": 2000
          }
        },
        "required": [
          "id",
          "title"
        ]
      },
      "Question": {
        "type": "object",
        "description": "One of need-rating, single-choice, multi-choice, ranking, free-text, nps (see SurveyDefinition). Which fields a type takes, and that ids are kebab-case and unique, is checked against the whole survey, and the answer names the question.",
        "properties": {
          "id": {
            "type": "string",
            "maxLength": 100
          },
          "type": {
            "type": "string",
            "enum": [
              "need-rating",
              "single-choice",
              "multi-choice",
              "ranking",
              "free-text",
              "nps"
            ]
          },
          "title": {
            "type": "string",
            "maxLength": 500
          },
          "description": {
            "type": "string",
            "maxLength": 2000
          },
          "required": {
            "type": "boolean"
          },
          "options": {
            "type": "array",
            "maxItems": 50,
            "items": {
              "type": "string",
              "maxLength": 200
            }
          },
          "maxSelections": {
            "type": "integer",
            "description": "1 to the number of options"
          },
          "max": {
            "type": "integer",
            "description": "1 to the number of needs"
          },
          "maxLength": {
            "type": "integer",
            "description": "1 to 10000"
          },
          "proposesNeed": {
            "type": "boolean"
          }
        },
        "required": [
          "id",
          "type",
          "title"
        ]
      },
      "SurveyDefinition": {
        "type": "object",
        "description": "The spec bounds what no survey needs (lengths of the columns that store it, at most 100 needs and 50 questions, no unknown top-level field). What an author can get wrong (kebab-case unique ids, the fields each question type takes, k of at least 3, group refs, dates) is checked against the whole survey, and one 400 names every problem with the need or question it is in.",
        "properties": {
          "title": {
            "type": "string",
            "maxLength": 200
          },
          "description": {
            "type": "string",
            "maxLength": 5000
          },
          "audience": {
            "type": "array",
            "maxItems": 500,
            "items": {
              "type": "string",
              "maxLength": 255
            },
            "description": "Group entity refs (group:default/checkout, or group:checkout); empty means everyone."
          },
          "anonymityThreshold": {
            "type": "integer",
            "description": "k, 3 to 1000 (default 5); fixed once the survey opens. Checked with the rest of the survey, so that one 400 lists every problem of a draft."
          },
          "closesAt": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 40,
            "description": "An ISO date or date-time, e.g. 2026-05-31 or 2026-05-31T17:00:00Z."
          },
          "needs": {
            "type": "array",
            "maxItems": 100,
            "items": {
              "$ref": "#/components/schemas/Need"
            }
          },
          "questions": {
            "type": "array",
            "maxItems": 50,
            "items": {
              "$ref": "#/components/schemas/Question"
            }
          }
        },
        "required": [
          "title",
          "needs",
          "questions"
        ],
        "additionalProperties": false
      },
      "Survey": {
        "allOf": [
          {
            "$ref": "#/components/schemas/SurveyDefinition"
          },
          {
            "type": "object",
            "properties": {
              "id": {
                "type": "string"
              },
              "status": {
                "type": "string",
                "enum": [
                  "draft",
                  "open",
                  "closed"
                ]
              },
              "wave": {
                "type": "integer"
              },
              "previousSurveyId": {
                "type": [
                  "string",
                  "null"
                ]
              },
              "createdBy": {
                "type": "string"
              },
              "createdAt": {
                "type": "string"
              },
              "updatedAt": {
                "type": "string"
              },
              "openedAt": {
                "type": [
                  "string",
                  "null"
                ]
              },
              "closedAt": {
                "type": [
                  "string",
                  "null"
                ]
              },
              "demo": {
                "type": "boolean"
              }
            }
          }
        ]
      },
      "SurveySummary": {
        "allOf": [
          {
            "$ref": "#/components/schemas/Survey"
          },
          {
            "type": "object",
            "properties": {
              "respondents": {
                "type": "integer"
              },
              "answeredByMe": {
                "type": "boolean"
              }
            }
          }
        ]
      },
      "ResponseBody": {
        "type": "object",
        "properties": {
          "answers": {
            "type": "object",
            "maxProperties": 50,
            "description": "Answers keyed by question id. need-rating: {needId: {pain: 1-5, frequency: daily|weekly|monthly|rarely}}; single-choice: option; multi-choice: options; ranking: need ids, most important first; free-text: string; nps: 0-10."
          }
        },
        "required": [
          "answers"
        ],
        "additionalProperties": false
      },
      "MyResponse": {
        "type": "object",
        "properties": {
          "surveyId": {
            "type": "string"
          },
          "answers": {
            "type": "object"
          },
          "teams": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "submittedAt": {
            "type": "string"
          },
          "updatedAt": {
            "type": "string"
          }
        }
      },
      "SurveyResults": {
        "type": "object",
        "properties": {
          "surveyId": {
            "type": "string"
          },
          "status": {
            "type": "string"
          },
          "anonymityThreshold": {
            "type": "integer"
          },
          "settings": {
            "description": "The settings the figures were computed with: shared-need threshold and frequency weights from config, the survey's anonymity threshold k, the pain from which a rating counts its teams as reporting the need, and how many top needs each team lists.",
            "type": "object",
            "required": [
              "sharedNeedMinTeams",
              "frequencyWeights",
              "anonymityThreshold",
              "reportingPain",
              "topNeedsPerTeam"
            ],
            "properties": {
              "sharedNeedMinTeams": {
                "type": "integer",
                "minimum": 1
              },
              "frequencyWeights": {
                "type": "object",
                "required": [
                  "daily",
                  "weekly",
                  "monthly",
                  "rarely"
                ],
                "properties": {
                  "daily": {
                    "type": "number",
                    "minimum": 0,
                    "maximum": 1
                  },
                  "weekly": {
                    "type": "number",
                    "minimum": 0,
                    "maximum": 1
                  },
                  "monthly": {
                    "type": "number",
                    "minimum": 0,
                    "maximum": 1
                  },
                  "rarely": {
                    "type": "number",
                    "minimum": 0,
                    "maximum": 1
                  }
                }
              },
              "anonymityThreshold": {
                "type": "integer",
                "minimum": 3
              },
              "reportingPain": {
                "type": "integer",
                "minimum": 1,
                "maximum": 5
              },
              "topNeedsPerTeam": {
                "type": "integer",
                "minimum": 0
              }
            }
          },
          "respondents": {
            "type": "integer"
          },
          "audienceSize": {
            "type": [
              "integer",
              "null"
            ]
          },
          "responseRate": {
            "type": [
              "number",
              "null"
            ]
          },
          "needs": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "needId": {
                  "type": "string"
                },
                "title": {
                  "type": "string"
                },
                "respondents": {
                  "type": "integer"
                },
                "teams": {
                  "type": "integer"
                },
                "meanPain": {
                  "type": [
                    "number",
                    "null"
                  ]
                },
                "frequencyWeight": {
                  "type": [
                    "number",
                    "null"
                  ]
                },
                "priorityScore": {
                  "type": [
                    "number",
                    "null"
                  ]
                },
                "shared": {
                  "type": "boolean"
                },
                "suppressed": {
                  "type": "boolean"
                }
              }
            }
          },
          "priorityCase": {
            "oneOf": [
              {
                "type": "null"
              },
              {
                "type": "object",
                "properties": {
                  "needId": {
                    "type": "string"
                  },
                  "title": {
                    "type": "string"
                  },
                  "reason": {
                    "type": "string"
                  }
                }
              }
            ]
          },
          "teams": {
            "type": "array",
            "items": {
              "type": "object"
            }
          },
          "suppressedTeams": {
            "type": "integer"
          },
          "questions": {
            "type": "array",
            "items": {
              "type": "object"
            }
          },
          "previousSurveyId": {
            "type": [
              "string",
              "null"
            ]
          },
          "computedAt": {
            "type": "string"
          }
        }
      },
      "RegisteredNeed": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string"
          },
          "title": {
            "type": "string"
          },
          "description": {
            "type": "string"
          },
          "status": {
            "type": "string",
            "enum": [
              "open",
              "in-mvp",
              "served",
              "declined"
            ],
            "description": "Follows the catalog and the MVP actions: declined when a platform owner declined it; served when a capability (platform-product.io/capability \"true\") names it in platform-product.io/need and is out of its MVP; in-mvp when such a capability is in its MVP (spec.lifecycle experimental, or its platform-product.io/mvp-review-date is today or later, UTC); otherwise the status set with PATCH (mvp:launch sets in-mvp), open by default."
          },
          "capabilityRef": {
            "type": [
              "string",
              "null"
            ],
            "description": "Entity ref of the capability that serves the need or has it in its MVP"
          },
          "capabilityTitle": {
            "type": "string",
            "description": "That capability's title in the catalog, when it has one"
          },
          "statusSource": {
            "type": "string",
            "enum": [
              "catalog",
              "recorded"
            ],
            "description": "catalog when a capability in the catalog decides the status; recorded when it is the status set with PATCH"
          },
          "latestSurveyId": {
            "type": [
              "string",
              "null"
            ],
            "description": "The latest open or closed survey asking about the need whose figures for it are not withheld (else the latest asking about it)"
          },
          "latestScore": {
            "type": [
              "number",
              "null"
            ],
            "description": "The need's priority score in that survey's current results, the same figure as its results (also right after an answer); null when withheld below k"
          },
          "shared": {
            "type": "boolean"
          },
          "teams": {
            "type": "integer"
          },
          "updatedAt": {
            "type": "string"
          }
        }
      },
      "NeedPatch": {
        "type": "object",
        "properties": {
          "status": {
            "type": "string",
            "enum": [
              "open",
              "in-mvp",
              "served",
              "declined"
            ]
          },
          "capabilityRef": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 255,
            "description": "Entity ref of the capability serving the need, e.g. system:default/event-streaming (any kind, written with it); null clears it"
          }
        },
        "required": [
          "status"
        ],
        "additionalProperties": false
      }
    }
  },
  "paths": {
    "/surveys": {
      "get": {
        "operationId": "ListSurveys",
        "description": "Surveys the caller may see (drafts only with needs-discovery.survey.manage).",
        "responses": {
          "200": {
            "description": "Surveys, newest first",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "items": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/SurveySummary"
                      }
                    }
                  }
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      },
      "post": {
        "operationId": "CreateSurvey",
        "description": "Creates a draft (needs-discovery.survey.create).",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/SurveyDefinition"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The new draft",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Survey"
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
    "/surveys/{id}": {
      "parameters": [
        {
          "$ref": "#/components/parameters/surveyId"
        }
      ],
      "get": {
        "operationId": "GetSurvey",
        "responses": {
          "200": {
            "description": "The survey",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Survey"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      },
      "put": {
        "operationId": "UpdateSurvey",
        "description": "Replaces a draft's definition (needs-discovery.survey.manage); 409 once open.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/SurveyDefinition"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The updated draft",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Survey"
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
    "/surveys/{id}/open": {
      "parameters": [
        {
          "$ref": "#/components/parameters/surveyId"
        }
      ],
      "post": {
        "operationId": "OpenSurvey",
        "description": "Opens a draft and notifies its audience (needs-discovery.survey.manage).",
        "responses": {
          "200": {
            "description": "The open survey",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Survey"
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
    "/surveys/{id}/close": {
      "parameters": [
        {
          "$ref": "#/components/parameters/surveyId"
        }
      ],
      "post": {
        "operationId": "CloseSurvey",
        "description": "Closes an open survey and records its scores in the needs registry.",
        "responses": {
          "200": {
            "description": "The closed survey",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Survey"
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
    "/surveys/{id}/clone": {
      "parameters": [
        {
          "$ref": "#/components/parameters/surveyId"
        }
      ],
      "post": {
        "operationId": "CloneSurvey",
        "description": "Starts the next wave of a closed survey as a new draft.",
        "responses": {
          "201": {
            "description": "The new draft",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Survey"
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
    "/surveys/{id}/responses/me": {
      "parameters": [
        {
          "$ref": "#/components/parameters/surveyId"
        }
      ],
      "get": {
        "operationId": "GetMyResponse",
        "description": "The calling user's own response; 204 (no body) while they have not answered yet. 404 when the survey is not visible to them.",
        "responses": {
          "200": {
            "description": "The response",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/MyResponse"
                }
              }
            }
          },
          "204": {
            "description": "The caller has not answered this survey yet"
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      },
      "put": {
        "operationId": "PutMyResponse",
        "description": "Creates or replaces the calling user's response; 409 when the survey is not open.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ResponseBody"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The stored response",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/MyResponse"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      },
      "delete": {
        "operationId": "DeleteMyResponse",
        "description": "Withdraws the calling user's response while the survey is open.",
        "responses": {
          "204": {
            "description": "Withdrawn"
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/surveys/{id}/results": {
      "parameters": [
        {
          "$ref": "#/components/parameters/surveyId"
        }
      ],
      "get": {
        "operationId": "GetResults",
        "description": "Aggregated results (needs-discovery.results.read).",
        "responses": {
          "200": {
            "description": "Results",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/SurveyResults"
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
    "/surveys/{id}/results.csv": {
      "parameters": [
        {
          "$ref": "#/components/parameters/surveyId"
        }
      ],
      "get": {
        "operationId": "GetResultsCsv",
        "description": "The aggregated results as CSV (needs and teams; never free text).",
        "responses": {
          "200": {
            "description": "CSV",
            "content": {
              "text/csv": {
                "schema": {
                  "type": "string"
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
    "/needs": {
      "get": {
        "operationId": "ListNeeds",
        "description": "The needs registry across surveys, for the other plugins: each need's status derived from the catalog and the MVP actions, and its figures from its latest survey results.",
        "responses": {
          "200": {
            "description": "Needs",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "items": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/RegisteredNeed"
                      }
                    }
                  }
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
    "/needs/{id}": {
      "parameters": [
        {
          "$ref": "#/components/parameters/needId"
        }
      ],
      "get": {
        "operationId": "GetNeed",
        "responses": {
          "200": {
            "description": "The need",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/RegisteredNeed"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      },
      "patch": {
        "operationId": "UpdateNeed",
        "description": "Records a need's status and serving capability (needs-discovery.need.update, for every caller). The answer is the need as the registry shows it: a capability in the catalog naming the need still decides its status unless the recorded status is declined.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/NeedPatch"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The updated need",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/RegisteredNeed"
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

/** id is kebab-case (lowercase letters and digits joined by single hyphens) and unique in the survey; the survey check says which need breaks it, so the pattern is not repeated here. */
export type Need = {
  id: string;
  title: string;
  description?: string;
};

/** One of need-rating, single-choice, multi-choice, ranking, free-text, nps (see SurveyDefinition). Which fields a type takes, and that ids are kebab-case and unique, is checked against the whole survey, and the answer names the question. */
export type Question = {
  id: string;
  type: "need-rating" | "single-choice" | "multi-choice" | "ranking" | "free-text" | "nps";
  title: string;
  description?: string;
  required?: boolean;
  options?: Array<string>;
  /** 1 to the number of options */
  maxSelections?: number;
  /** 1 to the number of needs */
  max?: number;
  /** 1 to 10000 */
  maxLength?: number;
  proposesNeed?: boolean;
};

/** The spec bounds what no survey needs (lengths of the columns that store it, at most 100 needs and 50 questions, no unknown top-level field). What an author can get wrong (kebab-case unique ids, the fields each question type takes, k of at least 3, group refs, dates) is checked against the whole survey, and one 400 names every problem with the need or question it is in. */
export type SurveyDefinition = {
  title: string;
  description?: string;
  /** Group entity refs (group:default/checkout, or group:checkout); empty means everyone. */
  audience?: Array<string>;
  /** k, 3 to 1000 (default 5); fixed once the survey opens. Checked with the rest of the survey, so that one 400 lists every problem of a draft. */
  anonymityThreshold?: number;
  /** An ISO date or date-time, e.g. 2026-05-31 or 2026-05-31T17:00:00Z. */
  closesAt?: string | null;
  needs: Array<Need>;
  questions: Array<Question>;
};

export type Survey = SurveyDefinition & {
  id?: string;
  status?: "draft" | "open" | "closed";
  wave?: number;
  previousSurveyId?: string | null;
  createdBy?: string;
  createdAt?: string;
  updatedAt?: string;
  openedAt?: string | null;
  closedAt?: string | null;
  demo?: boolean;
};

export type SurveySummary = Survey & {
  respondents?: number;
  answeredByMe?: boolean;
};

export type ResponseBody = {
  /** Answers keyed by question id. need-rating: {needId: {pain: 1-5, frequency: daily|weekly|monthly|rarely}}; single-choice: option; multi-choice: options; ranking: need ids, most important first; free-text: string; nps: 0-10. */
  answers: object;
};

export type MyResponse = {
  surveyId?: string;
  answers?: object;
  teams?: Array<string>;
  submittedAt?: string;
  updatedAt?: string;
};

export type SurveyResults = {
  surveyId?: string;
  status?: string;
  anonymityThreshold?: number;
  /** The settings the figures were computed with: shared-need threshold and frequency weights from config, the survey's anonymity threshold k, the pain from which a rating counts its teams as reporting the need, and how many top needs each team lists. */
  settings?: {
    sharedNeedMinTeams: number;
    frequencyWeights: {
      daily: number;
      weekly: number;
      monthly: number;
      rarely: number;
    };
    anonymityThreshold: number;
    reportingPain: number;
    topNeedsPerTeam: number;
  };
  respondents?: number;
  audienceSize?: number | null;
  responseRate?: number | null;
  needs?: Array<{
    needId?: string;
    title?: string;
    respondents?: number;
    teams?: number;
    meanPain?: number | null;
    frequencyWeight?: number | null;
    priorityScore?: number | null;
    shared?: boolean;
    suppressed?: boolean;
  }>;
  priorityCase?: null | {
    needId?: string;
    title?: string;
    reason?: string;
  };
  teams?: Array<object>;
  suppressedTeams?: number;
  questions?: Array<object>;
  previousSurveyId?: string | null;
  computedAt?: string;
};

export type RegisteredNeed = {
  id?: string;
  title?: string;
  description?: string;
  /** Follows the catalog and the MVP actions: declined when a platform owner declined it; served when a capability (platform-product.io/capability "true") names it in platform-product.io/need and is out of its MVP; in-mvp when such a capability is in its MVP (spec.lifecycle experimental, or its platform-product.io/mvp-review-date is today or later, UTC); otherwise the status set with PATCH (mvp:launch sets in-mvp), open by default. */
  status?: "open" | "in-mvp" | "served" | "declined";
  /** Entity ref of the capability that serves the need or has it in its MVP */
  capabilityRef?: string | null;
  /** That capability's title in the catalog, when it has one */
  capabilityTitle?: string;
  /** catalog when a capability in the catalog decides the status; recorded when it is the status set with PATCH */
  statusSource?: "catalog" | "recorded";
  /** The latest open or closed survey asking about the need whose figures for it are not withheld (else the latest asking about it) */
  latestSurveyId?: string | null;
  /** The need's priority score in that survey's current results, the same figure as its results (also right after an answer); null when withheld below k */
  latestScore?: number | null;
  shared?: boolean;
  teams?: number;
  updatedAt?: string;
};

export type NeedPatch = {
  status: "open" | "in-mvp" | "served" | "declined";
  /** Entity ref of the capability serving the need, e.g. system:default/event-streaming (any kind, written with it); null clears it */
  capabilityRef?: string | null;
};

/** Surveys the caller may see (drafts only with needs-discovery.survey.manage). */
export type ListSurveys = {
  response: {
    items?: Array<SurveySummary>;
  };
};

/** Creates a draft (needs-discovery.survey.create). */
export type CreateSurvey = {
  body: SurveyDefinition;
  response: Survey;
};

export type GetSurvey = {
  path: {
    /** A survey id as the API gives it (lowercase letters and digits joined by single hyphens). */
    id: string;
  };
  response: Survey;
};

/** Replaces a draft's definition (needs-discovery.survey.manage); 409 once open. */
export type UpdateSurvey = {
  path: {
    /** A survey id as the API gives it (lowercase letters and digits joined by single hyphens). */
    id: string;
  };
  body: SurveyDefinition;
  response: Survey;
};

/** Opens a draft and notifies its audience (needs-discovery.survey.manage). */
export type OpenSurvey = {
  path: {
    /** A survey id as the API gives it (lowercase letters and digits joined by single hyphens). */
    id: string;
  };
  response: Survey;
};

/** Closes an open survey and records its scores in the needs registry. */
export type CloseSurvey = {
  path: {
    /** A survey id as the API gives it (lowercase letters and digits joined by single hyphens). */
    id: string;
  };
  response: Survey;
};

/** Starts the next wave of a closed survey as a new draft. */
export type CloneSurvey = {
  path: {
    /** A survey id as the API gives it (lowercase letters and digits joined by single hyphens). */
    id: string;
  };
  response: Survey;
};

/** The calling user's own response; 204 (no body) while they have not answered yet. 404 when the survey is not visible to them. */
export type GetMyResponse = {
  path: {
    /** A survey id as the API gives it (lowercase letters and digits joined by single hyphens). */
    id: string;
  };
  response: MyResponse | void;
};

/** Creates or replaces the calling user's response; 409 when the survey is not open. */
export type PutMyResponse = {
  path: {
    /** A survey id as the API gives it (lowercase letters and digits joined by single hyphens). */
    id: string;
  };
  body: ResponseBody;
  response: MyResponse;
};

/** Withdraws the calling user's response while the survey is open. */
export type DeleteMyResponse = {
  path: {
    /** A survey id as the API gives it (lowercase letters and digits joined by single hyphens). */
    id: string;
  };
  response: void;
};

/** Aggregated results (needs-discovery.results.read). */
export type GetResults = {
  path: {
    /** A survey id as the API gives it (lowercase letters and digits joined by single hyphens). */
    id: string;
  };
  response: SurveyResults;
};

/** The aggregated results as CSV (needs and teams; never free text). */
export type GetResultsCsv = {
  path: {
    /** A survey id as the API gives it (lowercase letters and digits joined by single hyphens). */
    id: string;
  };
  response: string;
};

/** The needs registry across surveys, for the other plugins: each need's status derived from the catalog and the MVP actions, and its figures from its latest survey results. */
export type ListNeeds = {
  response: {
    items?: Array<RegisteredNeed>;
  };
};

export type GetNeed = {
  path: {
    /** A need id, kebab-case (lowercase letters and digits joined by single hyphens, e.g. need-fast-setup). */
    id: string;
  };
  response: RegisteredNeed;
};

/** Records a need's status and serving capability (needs-discovery.need.update, for every caller). The answer is the need as the registry shows it: a capability in the catalog naming the need still decides its status unless the recorded status is declined. */
export type UpdateNeed = {
  path: {
    /** A need id, kebab-case (lowercase letters and digits joined by single hyphens, e.g. need-fast-setup). */
    id: string;
  };
  body: NeedPatch;
  response: RegisteredNeed;
};

/** Every operation of the spec, keyed as `createValidatedOpenApiRouterFromGeneratedEndpointMap` expects. */
export type EndpointMap = {
  '#get|/surveys': ListSurveys;
  '#post|/surveys': CreateSurvey;
  '#get|/surveys/{id}': GetSurvey;
  '#put|/surveys/{id}': UpdateSurvey;
  '#post|/surveys/{id}/open': OpenSurvey;
  '#post|/surveys/{id}/close': CloseSurvey;
  '#post|/surveys/{id}/clone': CloneSurvey;
  '#get|/surveys/{id}/responses/me': GetMyResponse;
  '#put|/surveys/{id}/responses/me': PutMyResponse;
  '#_delete|/surveys/{id}/responses/me': DeleteMyResponse;
  '#get|/surveys/{id}/results': GetResults;
  '#get|/surveys/{id}/results.csv': GetResultsCsv;
  '#get|/needs': ListNeeds;
  '#get|/needs/{id}': GetNeed;
  '#patch|/needs/{id}': UpdateNeed;
};
