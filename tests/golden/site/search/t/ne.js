CLAIMCHECK_SEARCH.add("t:ne",{"need":[5,42,8,42],"new":[6,44,19,37]});
